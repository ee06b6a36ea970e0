import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** A way a command definition breaks Discord's rules, named by its locale key. */
export interface DefinitionProblem {
  /** The `commands:` key (or the command/option path for structural rules). */
  key: string;
  lang?: string;
  rule:
    | 'missing'
    | 'invalidName'
    | 'badLength'
    | 'tooMany'
    | 'duplicateName'
    | 'requiredAfterOptional'
    | 'tooManyCommands'
    | 'totalTooLong';
  detail?: string;
}

type Json = Record<string, unknown>;
type Localizations = Record<string, string> | null | undefined;

/** Discord's rule for slash-command and option names (lowercase where a lowercase form exists). */
export const DISCORD_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
export const isDiscordName = (name: string): boolean =>
  DISCORD_NAME.test(name) && name === name.toLowerCase();

export const LIMITS = {
  description: 100,
  choiceName: 100,
  choiceValue: 100,
  options: 25,
  choices: 25,
  totalCharacters: 4000,
} as const;

/** Every variant of a text: the default and each localization, with its language. */
const variants = (value: unknown, localizations: Localizations): [string | undefined, string][] => [
  [undefined, String(value ?? '')],
  ...Object.entries(localizations ?? {}).map(([lang, text]) => [lang, text] as [string, string]),
];

const longest = (value: unknown, localizations: Localizations): number =>
  Math.max(...variants(value, localizations).map(([, text]) => text.length));

/** Checks one level of options (and the levels below), the way Discord validates a registration. */
function checkOptions(command: string, path: string, options: Json[], problems: DefinitionProblem[]): number {
  if (options.length > LIMITS.options)
    problems.push({ key: `${path}.options`, rule: 'tooMany', detail: `${options.length} > 25` });
  let total = 0;
  let optionalSeen = false;
  const seen = new Map<string, Set<string>>();
  for (const option of options) {
    const structural = option.type === 1 || option.type === 2;
    // Named like the locale key that holds the words: `<command>.subcommands.<sub>` or `<command>.options.<opt>`.
    const at = `${command}.${structural ? 'subcommands' : 'options'}.${String(option.name)}`;
    total += checkNamed(at, option, problems);
    for (const [lang, name] of variants(option.name, option.name_localizations as Localizations)) {
      const names = seen.get(lang ?? '') ?? new Set();
      if (names.has(name))
        problems.push({ key: `${at}.name`, ...(lang ? { lang } : {}), rule: 'duplicateName', detail: name });
      names.add(name);
      seen.set(lang ?? '', names);
    }
    if (option.required && optionalSeen) problems.push({ key: at, rule: 'requiredAfterOptional' });
    optionalSeen ||= !option.required && !structural;
    const choices = (option.choices as Json[] | undefined) ?? [];
    if (choices.length > LIMITS.choices)
      problems.push({ key: `${at}.choices`, rule: 'tooMany', detail: `${choices.length} > 25` });
    for (const choice of choices) {
      for (const [lang, text] of variants(choice.name, choice.name_localizations as Localizations)) {
        if (text.length < 1 || text.length > LIMITS.choiceName) {
          problems.push({
            key: `${command}.choices.${String(choice.value)}`,
            ...(lang ? { lang } : {}),
            rule: 'badLength',
            detail: `${text.length}, 1–100`,
          });
        }
      }
      if (String(choice.value).length > LIMITS.choiceValue)
        problems.push({
          key: `${command}.choices.${String(choice.value)}`,
          rule: 'badLength',
          detail: 'value > 100',
        });
      total += longest(choice.name, choice.name_localizations as Localizations) + String(choice.value).length;
    }
    total += checkOptions(command, at, (option.options as Json[] | undefined) ?? [], problems);
  }
  return total;
}

/** Checks a name and a description with their localizations; returns the characters Discord counts. */
function checkNamed(path: string, item: Json, problems: DefinitionProblem[]): number {
  for (const [lang, name] of variants(item.name, item.name_localizations as Localizations)) {
    if (!isDiscordName(name))
      problems.push({
        key: `${path}.name`,
        ...(lang ? { lang } : {}),
        rule: 'invalidName',
        detail: JSON.stringify(name),
      });
  }
  for (const [lang, text] of variants(item.description, item.description_localizations as Localizations)) {
    if (text.length < 1 || text.length > LIMITS.description) {
      problems.push({
        key: `${path}.description`,
        ...(lang ? { lang } : {}),
        rule: 'badLength',
        detail: `${text.length}, 1–100`,
      });
    }
  }
  return (
    longest(item.name, item.name_localizations as Localizations) +
    longest(item.description, item.description_localizations as Localizations)
  );
}

/** Discord's naming, length and count rules for one chat-input command; problems are named by path. */
export function checkDefinitionRules(
  command: RESTPostAPIChatInputApplicationCommandsJSONBody,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const json = command as unknown as Json;
  let total = checkNamed(command.name, json, problems);
  total += checkOptions(command.name, command.name, (json.options as Json[] | undefined) ?? [], problems);
  if (total > LIMITS.totalCharacters)
    problems.push({ key: command.name, rule: 'totalTooLong', detail: `${total} > 4000` });
  return problems;
}
