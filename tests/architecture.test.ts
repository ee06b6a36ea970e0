import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));

const textOf = (file: string): string => readFileSync(join(root, file), 'utf8');

/** Static imports and re-exports, side-effect imports and dynamic `import('…')` (not words in strings). */
const IMPORT_PATTERNS = [
  /^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

const importsOf = (file: string): string[] => {
  const text = textOf(file);
  return IMPORT_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!));
};

const resolveImport = (file: string, spec: string): string =>
  spec.startsWith('.') ? relative(root, resolve(root, file, '..', spec)) : spec;

/** Every `file → target` of the given folders whose target matches. */
const importsMatching = (dirs: readonly string[], offends: (target: string) => boolean): string[] =>
  dirs.flatMap((dir) =>
    sourceFiles(dir).flatMap((file) =>
      importsOf(file)
        .map((spec) => resolveImport(file, spec))
        .filter(offends)
        .map((target) => `${file} → ${target}`),
    ),
  );

/** The package a bare specifier names: `lowdb/node` → `lowdb`, `@scope/pkg/sub` → `@scope/pkg`. */
const packageOf = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

const touchesTheOutside = (file: string): boolean =>
  importsOf(file).some((spec) => /^(node:)?(fs|fs\/promises|child_process)$/.test(spec)) ||
  /\bprocess\./.test(textOf(file));

describe('the direction of imports (facts → commands → bot)', () => {
  it('keeps facts/ a pure core: no Discord, i18next, Anthropic SDK, commands/, bot/, bench/ or tests/', () => {
    const offending = importsMatching(
      ['facts'],
      (target) =>
        /^(discord\.js|i18next|@anthropic-ai\/sdk)$/.test(target) ||
        /^(bot|commands|bench|tests)\//.test(target),
    );
    expect(offending).toEqual([]);
  });

  it('keeps facts/ away from the file system and the process', () => {
    expect(sourceFiles('facts').filter(touchesTheOutside)).toEqual([]);
  });

  it('keeps commands/ free of bot/ and of the transports', () => {
    const offending = importsMatching(
      ['commands'],
      (target) =>
        /^(bot|bench|tests)\//.test(target) || /^(@anthropic-ai\/sdk|discord\.js)(\/|$)/.test(target),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the shipped tree (bot/, commands/, facts/) free of tests/ and bench/', () => {
    const offending = importsMatching(['bot', 'commands', 'facts'], (target) =>
      /^(bench|tests)\//.test(target),
    );
    expect(offending).toEqual([]);
  });

  it('ships only what `npm ci --omit=dev` installs: every package the shipped tree imports is a dependency', () => {
    const { dependencies } = JSON.parse(textOf('package.json')) as { dependencies: Record<string, string> };
    const offending = importsMatching(
      ['bot', 'commands', 'facts'],
      (target) =>
        !/^(node:|\.|bot\/|commands\/|facts\/|locales\/)/.test(target) &&
        !(packageOf(target) in dependencies),
    );
    expect(offending).toEqual([]);
  });
});

/** The folder of bot/ a file belongs to (`bot/discord/x.ts` → `discord`); files directly in bot/ form `bot`. */
const botFolderOf = (file: string): string => {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : 'bot';
};

/** A cycle in the folder graph, as `a → b → … → a`, or undefined. */
function findCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string | undefined => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node].join(' → ');
    if (state.get(node) === 'done') return undefined;
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the folders of bot/', () => {
  it('import one another without circles (what two transports share lives below both)', () => {
    const edges = new Map<string, Set<string>>();
    // The executable (bot/briefing.mjs) loads cli/ and sits above every folder.
    for (const file of sourceFiles('bot').filter((name) => name.endsWith('.ts'))) {
      for (const target of importsOf(file).map((spec) => resolveImport(file, spec))) {
        if (!target.startsWith('bot/')) continue;
        const [from, to] = [botFolderOf(file), botFolderOf(target)];
        if (from === to) continue;
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)!.add(to);
      }
    }
    expect(findCycle(edges)).toBeUndefined();
  });

  it('catches a circle when there is one', () => {
    const edges = new Map([
      ['cli', new Set(['discord'])],
      ['discord', new Set(['digest'])],
      ['digest', new Set(['discord'])],
    ]);
    expect(findCycle(edges)).toBe('discord → digest → discord');
  });

  it('keeps the two transports apart: the console never imports discord/, nor discord/ the console', () => {
    const offending = [
      ...importsMatching(['bot/console'], (target) => target.startsWith('bot/discord/')),
      ...importsMatching(['bot/discord'], (target) => target.startsWith('bot/console/')),
    ];
    expect(offending).toEqual([]);
  });
});

/** Discord's own markup: mentions `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, bold `**x**`, links `[x](https://…)`. */
const DISCORD_MARKUP = /<[@#][!&]?(\d|\$\{)|(?<![/*])\*\*(?![\s/*])|\]\(https?:|\]\(\$\{/;

describe('the neutral layers', () => {
  it('write mentions, emphasis and links as tokens, never Discord markup (commands/ and locales/)', () => {
    const localeFiles = readdirSync(join(root, 'locales'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)));
    const offending = [...sourceFiles('commands'), ...localeFiles].flatMap((file) =>
      textOf(file)
        .split('\n')
        .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
        .filter(({ line }) => DISCORD_MARKUP.test(line) && !/^\s*(\/\/|\*)/.test(line))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
