import { describe, expect, it } from 'vitest';
import { type CommandLocaleLookup, lookupFromResources } from '../../../bot/app/command-locales.ts';
import { isDiscordName } from '../../../bot/discord/definition-rules.ts';
import { DefinitionError, toCommandJson, toCommandsJson } from '../../../bot/discord/definitions.ts';
import { readLocaleResources } from '../../../bot/i18n.ts';
import type { CommandDefinition } from '../../../commands/index.ts';
import { commands } from '../../../commands/registry.ts';

const resources = readLocaleResources();
const lookup = lookupFromResources(resources);

/** Every leaf key of a namespace, with plural suffixes folded (French has `_many`, English does not). */
function leafKeys(node: unknown, prefix = ''): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') {
      for (const [leaf, texts] of leafKeys(value, path))
        keys.set(leaf, [...(keys.get(leaf) ?? []), ...texts]);
    } else {
      const folded = path.replace(/_(zero|one|two|few|many|other)$/, '');
      keys.set(folded, [...(keys.get(folded) ?? []), String(value)]);
    }
  }
  return keys;
}
const placeholders = (texts: string[]) =>
  [...new Set(texts.flatMap((text) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1])))].sort();

/** Every locale key a definition needs, in the order Discord reads them. */
function neededKeys(definition: CommandDefinition): string[] {
  const name = definition.name;
  const optionKeys = (options: CommandDefinition['options']) =>
    (options ?? []).flatMap((option) => [
      `${name}.options.${option.name}.name`,
      `${name}.options.${option.name}.description`,
      ...(option.choices ?? []).map((value) => `${name}.choices.${value}`),
    ]);
  return [
    `${name}.description`,
    ...optionKeys(definition.options),
    ...(definition.subcommands ?? []).flatMap((sub) => [
      `${name}.subcommands.${sub.name}.description`,
      ...optionKeys(sub.options),
    ]),
  ];
}

describe('locale parity', () => {
  it('has the same namespaces in French and English', () => {
    expect(Object.keys(resources.fr).sort()).toEqual(Object.keys(resources.en).sort());
  });

  for (const namespace of Object.keys(resources.en)) {
    it(`has the same keys and placeholders in both languages: ${namespace}`, () => {
      const en = leafKeys(resources.en[namespace]);
      const fr = leafKeys(resources.fr[namespace] ?? {});
      expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
      const differing = [...en.keys()].filter(
        (key) => placeholders(en.get(key)!).join() !== placeholders(fr.get(key) ?? []).join(),
      );
      expect(differing).toEqual([]);
    });
  }

  it('has every key each command needs, in both languages, non-empty', () => {
    const missing = commands.flatMap((command) =>
      neededKeys(command.data).flatMap((key) =>
        (['fr', 'en'] as const).filter((lang) => !lookup(lang, key)?.trim()).map((lang) => `${lang}:${key}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});

describe('the commands as Discord registers them', () => {
  const json = toCommandsJson(
    commands.map((command) => command.data),
    lookup,
  );

  it('passes Discord’s naming and length rules for every command, option and choice, in both languages', () => {
    expect(json.map((command) => command.name)).toEqual(commands.map((command) => command.data.name));
    for (const command of json) {
      expect(isDiscordName(command.name)).toBe(true);
      const texts = [command.description, ...Object.values(command.description_localizations ?? {})];
      expect(texts.every((text) => text && text.length >= 1 && text.length <= 100)).toBe(true);
    }
  });

  it('localizes descriptions and option names for French and both English locales', () => {
    for (const command of json) {
      expect(Object.keys(command.description_localizations ?? {}).sort()).toEqual(['en-GB', 'en-US', 'fr']);
      expect(command.description_localizations?.fr).toBe(lookup('fr', `${command.name}.description`));
    }
  });

  it('gives moderator commands the Manage Server default permission and keeps guild commands out of DMs', () => {
    for (const command of commands) {
      const registered = json.find((candidate) => candidate.name === command.data.name)!;
      expect(registered.default_member_permissions).toBe(command.data.moderatorOnly ? '32' : null);
      expect(registered.contexts).toEqual(command.data.guildOnly ? [0] : [0, 1]);
    }
  });
});

describe('a definition that breaks the rules', () => {
  const words: Record<string, string> = {
    'demo.description': 'A demo',
    'demo.options.term.name': 'term',
    'demo.options.term.description': 'A term',
  };
  const lookupWith =
    (
      overrides: Record<string, string | undefined>,
      langs: ('fr' | 'en')[] = ['fr', 'en'],
    ): CommandLocaleLookup =>
    (lang, key) =>
      langs.includes(lang) ? (key in overrides ? overrides[key] : words[key]) : words[key];
  const demo: CommandDefinition = { name: 'demo', options: [{ name: 'term', type: 'string' }] };
  const problemsOf = (definition: CommandDefinition, lookupFn: CommandLocaleLookup) => {
    try {
      toCommandJson(definition, lookupFn);
      return [];
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      return error.problems;
    }
  };

  it('names a missing key and its language', () => {
    expect(problemsOf(demo, lookupWith({ 'demo.options.term.description': undefined }, ['fr']))).toEqual([
      { key: 'demo.options.term.description', lang: 'fr', rule: 'missing' },
    ]);
  });

  it('names a description over 100 characters', () => {
    const problems = problemsOf(demo, lookupWith({ 'demo.description': 'x'.repeat(101) }, ['fr']));
    expect(problems).toEqual([
      { key: 'demo.description', lang: 'fr', rule: 'badLength', detail: '101, 1–100' },
    ]);
  });

  it('names a localized option name Discord would refuse', () => {
    const problems = problemsOf(demo, lookupWith({ 'demo.options.term.name': 'Terme Recherché' }, ['fr']));
    expect(problems).toEqual([
      expect.objectContaining({ key: 'demo.options.term.name', lang: 'fr', rule: 'invalidName' }),
    ]);
    expect(String(new DefinitionError(problems).message)).toContain(
      'commands:demo.options.term.name [fr] invalidName',
    );
  });

  it('refuses more than 25 options and a required option after an optional one', () => {
    const many: CommandDefinition = {
      name: 'demo',
      options: [
        ...Array.from({ length: 25 }, (_, i) => ({ name: `o${i}`, type: 'string' as const })),
        { name: 'last', type: 'string', required: true },
      ],
    };
    const rules = problemsOf(many, (_lang, key) =>
      key.endsWith('.name') ? key.split('.').at(-2) : 'words',
    ).map((p) => p.rule);
    expect(rules).toEqual(expect.arrayContaining(['tooMany', 'requiredAfterOptional']));
  });

  it('refuses a command name with capitals', () => {
    const problems = problemsOf({ name: 'Demo' }, () => 'words');
    expect(problems).toEqual([expect.objectContaining({ key: 'Demo.name', rule: 'invalidName' })]);
  });
});
