import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDefinition, OptionDefinition, SubcommandDefinition } from '../../commands/index.ts';
import type { Lang } from '../../facts/schema/index.ts';
import type { CommandLocaleLookup } from '../app/command-locales.ts';
import { checkDefinitionRules, type DefinitionProblem } from './definition-rules.ts';

export type { DefinitionProblem } from './definition-rules.ts';

/** A text in every language Discord shows: the English default plus the per-locale variants. */
export interface LocalizedText {
  default: string;
  localizations: { fr: string; 'en-US': string; 'en-GB': string };
  key: string;
}

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionJson = NonNullable<CommandJson['options']>[number];

/** Raised when a definition or its locale keys break Discord's rules; every problem names its key. */
export class DefinitionError extends Error {
  constructor(readonly problems: readonly DefinitionProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DefinitionError';
  }
}

/** One problem as a line: `commands:<key> [lang] rule (actual, limit)`. */
export const formatProblem = (problem: DefinitionProblem): string =>
  `commands:${problem.key}${problem.lang ? ` [${problem.lang}]` : ''} ${problem.rule}${problem.detail ? ` (${problem.detail})` : ''}`;

const OPTION_TYPES: Record<OptionDefinition['type'], ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  channel: ApplicationCommandOptionType.Channel,
  role: ApplicationCommandOptionType.Role,
};

/** Collects texts and reports missing keys instead of stopping at the first one. */
class Localizer {
  readonly problems: DefinitionProblem[] = [];
  constructor(private readonly lookup: CommandLocaleLookup) {}

  text(key: string, fallback = ''): LocalizedText {
    const read = (lang: Lang) => {
      const value = this.lookup(lang, key);
      if (value === undefined) this.problems.push({ key, lang, rule: 'missing' });
      return value ?? fallback;
    };
    const en = read('en');
    const fr = read('fr');
    return { key, default: en, localizations: { fr, 'en-US': en, 'en-GB': en } };
  }

  /** An option's description: a subcommand's own key first, then the command-wide one. */
  optionText(
    command: string,
    sub: string | undefined,
    option: string,
    field: 'name' | 'description',
  ): LocalizedText {
    const own = sub ? `${command}.subcommands.${sub}.options.${option}.${field}` : undefined;
    if (own && this.lookup('en', own) !== undefined) return this.text(own, option);
    return this.text(`${command}.options.${option}.${field}`, option);
  }
}

function optionJson(
  command: string,
  sub: string | undefined,
  option: OptionDefinition,
  loc: Localizer,
): OptionJson {
  const name = loc.optionText(command, sub, option.name, 'name');
  const description = loc.optionText(command, sub, option.name, 'description');
  const json: Record<string, unknown> = {
    type: OPTION_TYPES[option.type],
    name: option.name,
    name_localizations: name.localizations,
    description: description.default,
    description_localizations: description.localizations,
    required: option.required ?? false,
  };
  if (option.autocomplete) json.autocomplete = true;
  if (option.choices) {
    json.choices = option.choices.map((value) => {
      const label = loc.text(`${command}.choices.${value}`, value);
      return { name: label.default, name_localizations: label.localizations, value };
    });
  }
  if (option.minLength !== undefined) json.min_length = option.minLength;
  if (option.maxLength !== undefined) json.max_length = option.maxLength;
  if (option.minValue !== undefined) json.min_value = option.minValue;
  if (option.maxValue !== undefined) json.max_value = option.maxValue;
  return json as unknown as OptionJson;
}

/**
 * A command definition and its `commands:` locale keys as Discord application-command JSON: ASCII name, English
 * default texts, French and English localizations, Manage Server as the default permission of moderator commands,
 * and the guild context only for guild commands. Throws a DefinitionError naming every key that breaks a rule.
 */
export function toCommandJson(definition: CommandDefinition, lookup: CommandLocaleLookup): CommandJson {
  const loc = new Localizer(lookup);
  const name = definition.name;
  const description = loc.text(`${name}.description`);
  // A subcommand, or a group of them one level down (its locale path `<group>.subcommands.<sub>`).
  const subcommandJson = (sub: SubcommandDefinition, path: string): OptionJson => {
    const subDescription = loc.text(`${name}.subcommands.${path}.description`);
    const common = {
      name: sub.name,
      description: subDescription.default,
      description_localizations: subDescription.localizations,
    };
    if (sub.subcommands)
      return {
        ...common,
        type: ApplicationCommandOptionType.SubcommandGroup,
        options: sub.subcommands.map((inner) => subcommandJson(inner, `${path}.subcommands.${inner.name}`)),
      } as OptionJson;
    return {
      ...common,
      type: ApplicationCommandOptionType.Subcommand,
      options: (sub.options ?? []).map((option) => optionJson(name, path, option, loc)),
    } as OptionJson;
  };
  const options: OptionJson[] = definition.subcommands
    ? definition.subcommands.map((sub) => subcommandJson(sub, sub.name))
    : (definition.options ?? []).map((option) => optionJson(name, undefined, option, loc));
  const json: CommandJson = {
    type: ApplicationCommandType.ChatInput,
    name,
    description: description.default,
    description_localizations: description.localizations,
    options,
    default_member_permissions: definition.moderatorOnly ? PermissionFlagsBits.ManageGuild.toString() : null,
    contexts: definition.guildOnly
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    dm_permission: !definition.guildOnly,
    nsfw: false,
  };
  const problems = [...loc.problems, ...checkDefinitionRules(json)];
  if (problems.length > 0) throw new DefinitionError(problems);
  return json;
}

/** Every command as Discord JSON; collects the problems of all commands before throwing. */
export function toCommandsJson(
  definitions: readonly CommandDefinition[],
  lookup: CommandLocaleLookup,
): CommandJson[] {
  const problems: DefinitionProblem[] = [];
  const out: CommandJson[] = [];
  for (const definition of definitions) {
    try {
      out.push(toCommandJson(definition, lookup));
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      problems.push(...error.problems);
    }
  }
  const names = definitions.map((definition) => definition.name);
  for (const duplicate of names.filter((name, index) => names.indexOf(name) !== index)) {
    problems.push({ key: duplicate, rule: 'duplicateName' });
  }
  if (definitions.length > 100)
    problems.push({ key: '*', rule: 'tooManyCommands', detail: `${definitions.length} > 100` });
  if (problems.length > 0) throw new DefinitionError(problems);
  return out;
}
