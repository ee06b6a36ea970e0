import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARSE_PROBLEMS } from '../../../bot/console/parse-line.ts';
import { readLocaleResources } from '../../../bot/i18n.ts';

const root = resolve(import.meta.dirname, '../../..');
const resources = readLocaleResources();
const SOURCES = [
  'bot/app/run-command.ts',
  'bot/console/render.ts',
  'bot/console/repl.ts',
  'bot/console/modal-prompt.ts',
  'bot/cli/bot-command.ts',
  'bot/cli/chat-command.ts',
  'bot/cli/deploy-commands.ts',
];

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
    [...readFileSync(join(root, file), 'utf8').matchAll(/'((?:bot|console):[\w.]+)'/g)].map(
      (match) => match[1]!,
    ),
  );
  const computed = [
    ...PARSE_PROBLEMS.map((code) => `console:parse.${code}`),
    ...['connecting', 'ready', 'loginFailed', 'stopping', 'stopped'].map((key) => `bot:run.${key}`),
    ...['member', 'moderator'].map((role) => `console:role.${role}`),
    ...['fr', 'en'].map((lang) => `console:langName.${lang}`),
  ];

  it('finds the keys it checks in the sources', () => {
    expect(literal.length).toBeGreaterThan(20);
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
