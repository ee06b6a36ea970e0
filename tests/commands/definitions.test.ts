import { describe, expect, it } from 'vitest';
import { lookupFromResources } from '../../bot/app/command-locales.ts';
import { toCommandsJson } from '../../bot/discord/definitions.ts';
import { readLocaleResources } from '../../bot/i18n.ts';
import { commands } from '../../commands/registry.ts';

const resources = readLocaleResources();

/** Every leaf of a nested locale object as `dotted.key` → text. */
const leaves = (node: unknown, prefix = ''): [string, string][] =>
  typeof node === 'string'
    ? [[prefix, node]]
    : Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
        leaves(value, prefix ? `${prefix}.${key}` : key),
      );

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort();

describe('the command definitions and their words', () => {
  it('turn into Discord JSON that keeps Discord’s rules in French and English', () => {
    const json = toCommandsJson(
      commands.map((command) => command.data),
      lookupFromResources(resources),
    );
    expect(json.map((command) => command.name)).toEqual([
      'ask',
      'fact',
      'quote',
      'sources',
      'digest',
      'lang',
      'facts',
      'settings',
    ]);
    const facts = json.find((command) => command.name === 'facts');
    expect(facts?.default_member_permissions).toBe('32');
  });

  it('have the same keys, with the same placeholders, in both languages', () => {
    const fr = new Map(leaves(resources.fr.commands));
    const en = new Map(leaves(resources.en.commands));
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    const differing = [...en].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(fr.get(key) ?? '').join(),
    );
    expect(differing).toEqual([]);
  });

  it('keep every modal label within Discord’s 45 characters', () => {
    for (const lang of ['fr', 'en'] as const) {
      const form = (resources[lang].commands as { facts: { form: Record<string, string> } }).facts.form;
      for (const [key, label] of Object.entries(form)) expect([key, label.length <= 45]).toEqual([key, true]);
    }
  });
});
