import type { Command, OptionDefinition } from '../../commands/index.ts';
import type { Lang } from '../../facts/schema/index.ts';
import type { CommandLocaleLookup } from '../app/command-locales.ts';

export type OptionValueType = string | number | boolean;

/** A console line understood as a slash command call. */
export interface ParsedCall {
  command: Command;
  subcommand?: string;
  values: Record<string, OptionValueType>;
}

/** Every way a line can fail to parse; each is a `console:parse.<code>` key. */
export const PARSE_PROBLEMS = [
  'notACommand',
  'unknownCommand',
  'missingSubcommand',
  'unknownSubcommand',
  'unexpectedText',
  'duplicateOption',
  'missingOption',
  'badInteger',
  'badBoolean',
  'badChoice',
  'outOfRange',
  'badLength',
] as const;

/** Why a line could not be understood: a `console:parse.<code>` key and its parameters. */
export interface ParseProblem {
  code: (typeof PARSE_PROBLEMS)[number];
  params: Record<string, string | number>;
}

export type ParseOutcome = { ok: true; call: ParsedCall } | { ok: false; problem: ParseProblem };

export interface ParseSetting {
  commands: readonly Command[];
  lang: Lang;
  /** Reads `commands:` keys, for localized option names and choice labels. */
  lookup: CommandLocaleLookup;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const problem = (code: ParseProblem['code'], params: ParseProblem['params'] = {}): ParseOutcome => ({
  ok: false,
  problem: { code, params },
});

/** The options a call may carry: the subcommand's, or the command's own. */
export function optionsAt(command: Command, subcommand: string | undefined): readonly OptionDefinition[] {
  if (!command.data.subcommands) return command.data.options ?? [];
  const [group, inner] = (subcommand ?? '').split(' ');
  const found = command.data.subcommands.find((sub) => sub.name === group);
  // A group's subcommand (`entity add`) carries the options of that subcommand.
  return (inner ? found?.subcommands?.find((sub) => sub.name === inner) : found)?.options ?? [];
}

/** Names an option answers to in the console: its ASCII name and its localized name, lowercased. */
export function optionAliases(
  setting: ParseSetting,
  command: Command,
  option: OptionDefinition,
  subcommand?: string,
): string[] {
  const keys = [
    ...(subcommand
      ? [
          `${command.data.name}.subcommands.${subcommand.replace(' ', '.subcommands.')}.options.${option.name}.name`,
        ]
      : []),
    `${command.data.name}.options.${option.name}.name`,
  ];
  const localized = keys.map((key) => setting.lookup(setting.lang, key)).find(Boolean);
  return [...new Set([option.name, ...(localized ? [localized] : [])].map((name) => name.toLowerCase()))];
}

/** Finds `name:` markers of known options in the text after the command (and subcommand). */
export function findAssignments(
  setting: ParseSetting,
  command: Command,
  subcommand: string | undefined,
  rest: string,
) {
  const options = optionsAt(command, subcommand);
  const byAlias = new Map(
    options.flatMap((option) =>
      optionAliases(setting, command, option, subcommand).map((a) => [a, option] as const),
    ),
  );
  if (byAlias.size === 0)
    return { bare: rest.trim(), assignments: [] as { option: OptionDefinition; raw: string }[] };
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const marker = new RegExp(`(^|\\s)(${aliases.join('|')})\\s*:`, 'giu');
  const matches = [...rest.matchAll(marker)];
  const assignments = matches.map((match, index) => {
    const start = match.index + match[0].length;
    const end = matches[index + 1]?.index ?? rest.length;
    return { option: byAlias.get(match[2]!.toLowerCase())!, raw: rest.slice(start, end) };
  });
  return { bare: rest.slice(0, matches[0]?.index ?? rest.length).trim(), assignments };
}

const unquote = (text: string): string => {
  const trimmed = text.trim();
  const pairs: Record<string, string> = { '"': '"', "'": "'", '«': '»', '“': '”' };
  const close = pairs[trimmed[0] ?? ''];
  return close && trimmed.length >= 2 && trimmed.endsWith(close) ? trimmed.slice(1, -1).trim() : trimmed;
};

const TRUE = new Set(['true', 'yes', 'oui', 'on', '1', 'vrai']);
const FALSE = new Set(['false', 'no', 'non', 'off', '0', 'faux']);

/** Turns typed text into the option's type, checking what Discord's client would check. */
function convert(
  setting: ParseSetting,
  command: Command,
  option: OptionDefinition,
  text: string,
): ParseOutcome | OptionValueType {
  const name = option.name;
  if (option.type === 'integer') {
    if (!/^[-+]?\d+$/.test(text)) return problem('badInteger', { option: name, value: text });
    const value = Number(text);
    if (
      (option.minValue !== undefined && value < option.minValue) ||
      (option.maxValue !== undefined && value > option.maxValue)
    ) {
      return problem('outOfRange', {
        option: name,
        min: option.minValue ?? '−∞',
        max: option.maxValue ?? '∞',
      });
    }
    return value;
  }
  if (option.type === 'boolean') {
    const lowered = text.toLowerCase();
    if (TRUE.has(lowered)) return true;
    if (FALSE.has(lowered)) return false;
    return problem('badBoolean', { option: name, value: text });
  }
  if (option.choices) {
    const lowered = text.toLowerCase();
    const label = (value: string) =>
      setting.lookup(setting.lang, `${command.data.name}.choices.${value}`) ?? value;
    const found = option.choices.find(
      (value) => value.toLowerCase() === lowered || label(value).toLowerCase() === lowered,
    );
    if (!found)
      return problem('badChoice', { option: name, value: text, choices: option.choices.join(', ') });
    return found;
  }
  // Channel and role mentions as Discord writes them (<#id>, <@&id>) become their ids.
  const value =
    option.type === 'channel' || option.type === 'role' ? text.replace(/^<(?:#|@&)(\d+)>$/, '$1') : text;
  if (
    (option.minLength !== undefined && value.length < option.minLength) ||
    (option.maxLength !== undefined && value.length > option.maxLength)
  ) {
    return problem('badLength', { option: name, min: option.minLength ?? 0, max: option.maxLength ?? 6000 });
  }
  return value;
}

/**
 * Reads a console line as Discord would read the slash command: `/ask question: How much…`, `/facts edit id:x`.
 * A command whose only required option is not named may take it bare (`/ask How much…`). Option names are the
 * ASCII ones or the localized ones, values run to the next option name, and quotes around a value are dropped.
 */
export function parseLine(setting: ParseSetting, line: string): ParseOutcome {
  const head = /^\/(\S+)\s*/u.exec(line.trim());
  if (!head) return problem('notACommand');
  const name = head[1]!.toLowerCase();
  const command = setting.commands.find((candidate) => candidate.data.name === name);
  if (!command)
    return problem('unknownCommand', {
      name,
      names: setting.commands.map((c) => `/${c.data.name}`).join(' '),
    });
  let rest = line.trim().slice(head[0].length);
  let subcommand: string | undefined;
  if (command.data.subcommands) {
    const names = command.data.subcommands.map((sub) => sub.name);
    const word = /^(\S+)\s*/.exec(rest);
    if (!word) return problem('missingSubcommand', { command: name, subcommands: names.join(' | ') });
    subcommand = word[1]!.toLowerCase();
    if (!names.includes(subcommand)) {
      return problem('unknownSubcommand', { command: name, value: word[1]!, subcommands: names.join(' | ') });
    }
    rest = rest.slice(word[0].length);
    const group = command.data.subcommands.find((sub) => sub.name === subcommand)?.subcommands;
    if (group) {
      const inner = group.map((sub) => sub.name);
      const next = /^(\S+)\s*/.exec(rest);
      const value = next?.[1]?.toLowerCase();
      if (!value || !inner.includes(value))
        return problem(value ? 'unknownSubcommand' : 'missingSubcommand', {
          command: `${name} ${subcommand}`,
          value: next?.[1] ?? '',
          subcommands: inner.join(' | '),
        });
      subcommand = `${subcommand} ${value}`;
      rest = rest.slice(next![0].length);
    }
  }
  const options = optionsAt(command, subcommand);
  const { bare, assignments } = findAssignments(setting, command, subcommand, rest);
  const texts = new Map<OptionDefinition, string>();
  for (const { option, raw } of assignments) {
    if (texts.has(option)) return problem('duplicateOption', { option: option.name });
    texts.set(option, unquote(raw));
  }
  if (bare) {
    const required = options.filter((option) => option.required);
    const target = required.length === 1 ? required[0] : options.length === 1 ? options[0] : undefined;
    if (!target || texts.has(target))
      return problem('unexpectedText', { text: bare, options: options.map((o) => `${o.name}:`).join(' ') });
    texts.set(target, unquote(bare));
  }
  const values: Record<string, OptionValueType> = {};
  for (const option of options) {
    const text = texts.get(option);
    if (text === undefined || text === '') {
      if (option.required) return problem('missingOption', { option: option.name, command: name });
      continue;
    }
    const converted = convert(setting, command, option, text);
    if (typeof converted === 'object') return converted;
    values[option.name] = converted;
  }
  return { ok: true, call: { command, ...(subcommand ? { subcommand } : {}), values } };
}
