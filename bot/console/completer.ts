import type { Command } from '../../commands/index.ts';
import { findAssignments, optionAliases, optionsAt, type ParseSetting } from './parse-line.ts';
import { type ConsoleSession, consoleContext, consoleOptions } from './session.ts';

/** What readline expects: the candidates and the end of the line they replace. */
export type Completion = [string[], string];

const startsWith = (candidate: string, typed: string) =>
  candidate.toLowerCase().startsWith(typed.toLowerCase());

/** Values for the option being typed: its fixed choices, or what the command's autocomplete proposes. */
async function completeValue(
  session: ConsoleSession,
  command: Command,
  subcommand: string | undefined,
  name: string,
  typed: string,
): Promise<string[]> {
  const option = optionsAt(command, subcommand).find((candidate) => candidate.name === name);
  if (option?.choices) return option.choices.filter((choice) => startsWith(choice, typed));
  if (!option?.autocomplete || !command.autocomplete) return [];
  const { ctx } = consoleContext(session, consoleOptions(subcommand, {}, { name, value: typed }));
  try {
    const choices = await command.autocomplete(ctx);
    return choices.slice(0, 25).map((choice) => choice.value);
  } catch (error) {
    session.log.warn('autocomplete.failed', { command: command.data.name, error });
    return [];
  }
}

/**
 * Tab completion like Discord's: command names, then subcommands, then `option: ` names not given yet, then the
 * values of the option being typed (fixed choices, or the command's autocomplete).
 */
export async function completeLine(
  session: ConsoleSession,
  setting: ParseSetting,
  line: string,
): Promise<Completion> {
  const head = /^\/(\S*)$/.exec(line) ?? (line === '' ? ['', ''] : undefined);
  if (head) {
    const names = session.commands
      .map((command) => command.data.name)
      .filter((name) => startsWith(name, head[1] ?? ''));
    return [names.map((name) => `/${name} `), line];
  }
  const call = /^\/(\S+)\s+(.*)$/s.exec(line);
  const command = session.commands.find((candidate) => candidate.data.name === call?.[1]?.toLowerCase());
  if (!call || !command) return [[], line];
  let rest = call[2] ?? '';
  let subcommand: string | undefined;
  if (command.data.subcommands) {
    const word = /^(\S*)(\s*)/.exec(rest)!;
    if (!word[2]) {
      const subs = command.data.subcommands
        .map((sub) => sub.name)
        .filter((name) => startsWith(name, word[1] ?? ''));
      return [subs.map((name) => `${name} `), word[1] ?? ''];
    }
    subcommand = word[1]?.toLowerCase();
    rest = rest.slice(word[0].length);
  }
  const { assignments } = findAssignments(setting, command, subcommand, rest);
  const given = new Set(assignments.map((assignment) => assignment.option.name));
  const current = /(?:^|\s)(\S*)$/.exec(rest)?.[1] ?? '';
  const optionNames = optionsAt(command, subcommand)
    .filter((option) => !given.has(option.name))
    .map((option) => optionAliases(setting, command, option, subcommand)[0]!)
    .filter((name) => startsWith(name, current))
    .map((name) => `${name}: `);
  const last = assignments.at(-1);
  if (!last) return [optionNames, current];
  const typed = last.raw.replace(/^\s+/, '');
  // A new word after a value may start the next option's name (`id: x que` → `question: `).
  const afterValue = typed !== '' && current !== typed && !current.includes(':');
  if (afterValue && optionNames.length > 0 && (current !== '' || /\s$/.test(rest)))
    return [optionNames, current];
  const values = await completeValue(session, command, subcommand, last.option.name, typed);
  const matching = values.filter((value) => startsWith(value, typed));
  // readline inserts the part after what was typed, so only prefix matches can be inserted; others are listed.
  if (matching.length > 0) return [matching, typed];
  return values.length > 0 ? [[...values, typed], typed] : [[], typed];
}
