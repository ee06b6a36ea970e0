import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));

const importsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );

const resolveImport = (file: string, spec: string): string =>
  spec.startsWith('.') ? relative(root, resolve(root, file, '..', spec)) : spec;

describe('the direction of imports (facts → commands → bot)', () => {
  it('keeps facts/ a pure core: no Discord, i18next, Anthropic SDK, Node built-ins (files), commands/ or bot/', () => {
    const offending = sourceFiles('facts').flatMap((file) =>
      importsOf(file)
        .map((spec) => resolveImport(file, spec))
        .filter(
          (target) =>
            /^(discord\.js|i18next|@anthropic-ai\/sdk)$/.test(target) ||
            /^node:/.test(target) ||
            /^(bot|commands|tests)\//.test(target),
        )
        .map((target) => `${file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps commands/ free of bot/ and of the transports', () => {
    const offending = sourceFiles('commands').flatMap((file) =>
      importsOf(file)
        .map((spec) => resolveImport(file, spec))
        .filter((target) => /^(bot|tests)\//.test(target) || /^@anthropic-ai\/sdk$/.test(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
