import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subcommandNames } from '../../../bot/cli/main.ts';
import { PARSE_PROBLEMS } from '../../../bot/console/parse-line.ts';
import { readLocaleResources } from '../../../bot/i18n.ts';

const root = resolve(import.meta.dirname, '../../..');
const resources = readLocaleResources();
const NAMESPACES = Object.keys(resources.en).join('|');

/** Every source file of the shipped tree: keys may be written anywhere, so all of them are scanned. */
const SOURCES = ['bot', 'commands', 'facts'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name))),
);

/** Whether `ns:a.b` exists in a language, directly or as plural forms (`a.b_one`…). */
function exists(lang: 'fr' | 'en', key: string): boolean {
  const [namespace, path] = key.split(':') as [string, string];
  const parts = path.split('.');
  const last = parts.pop()!;
  let node: unknown = resources[lang][namespace];
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  const holder = node as Record<string, unknown> | undefined;
  return typeof holder?.[last] === 'string' || typeof holder?.[`${last}_other`] === 'string';
}

describe('the words the transports use', () => {
  const literal = SOURCES.flatMap((file) =>
    // A whole literal key (`'errors:factNotFound'`), not the fixed head of one built from data.
    [
      ...readFileSync(join(root, file), 'utf8').matchAll(
        new RegExp(`['\`]((?:${NAMESPACES}):[\\w.-]+)['\`]`, 'g'),
      ),
    ].map((match) => match[1]!),
  );
  const computed = [
    ...PARSE_PROBLEMS.map((code) => `console:parse.${code}`),
    ...['connecting', 'ready', 'loginFailed', 'stopping', 'stopped'].map((key) => `bot:run.${key}`),
    ...['member', 'moderator'].map((role) => `console:role.${role}`),
    ...['fr', 'en'].map((lang) => `console:langName.${lang}`),
    ...subcommandNames().flatMap((name) => [`cli:help.${name}`, `cli:synopsis.${name}`]),
  ];

  it('finds the keys it checks in the sources', () => {
    expect(literal.length).toBeGreaterThan(100);
    expect(SOURCES).toContain('commands/facts.ts');
  });

  it('has every key in French and in English', () => {
    const missing = [...new Set([...literal, ...computed])].flatMap((key) =>
      (['fr', 'en'] as const).filter((lang) => !exists(lang, key)).map((lang) => `${lang} ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('has the failure codes the transports raise in errors.json', () => {
    expect((['fr', 'en'] as const).filter((lang) => !exists(lang, 'errors:notModerator'))).toEqual([]);
  });
});
