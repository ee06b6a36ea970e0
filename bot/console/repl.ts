import type { Command } from '../../commands/index.ts';
import { asTranslate, fixedT } from '../i18n.ts';
import { completeLine } from './completer.ts';
import type { LineSource } from './lines.ts';
import { promptModal } from './modal-prompt.ts';
import { type ParseSetting, parseLine } from './parse-line.ts';
import {
  type ConsoleRun,
  type ConsoleSession,
  consoleLang,
  consoleOptions,
  runConsoleCommand,
} from './session.ts';

export interface ConsoleLoop {
  session: ConsoleSession;
  lines: LineSource;
  /** A terminal: prompts, a banner and modal prompts; piped input gets none of them. */
  interactive: boolean;
  /** Where console problems (unparsable lines…) go. */
  printError(text: string): void;
}

const QUIT = new Set(['/quit', '/exit', '/q']);

const settingOf = (session: ConsoleSession): ParseSetting => ({
  commands: session.commands,
  lang: consoleLang(session),
  lookup: session.lookup,
});

/** The tab completer of a session (the language is read at each press, so `/lang` applies at once). */
export const consoleCompleter = (session: ConsoleSession) => (line: string) =>
  completeLine(session, settingOf(session), line);

/** The list of commands with their descriptions, for the built-in `/help` (when no command has that name). */
function listCommands(session: ConsoleSession): string {
  const t = fixedT(session.i18n, consoleLang(session));
  const lines = session.commands.map((command: Command) => {
    const subs = command.data.subcommands
      ? ` <${command.data.subcommands.map((sub) => sub.name).join('|')}>`
      : '';
    return `  /${command.data.name}${subs} — ${asTranslate(t)(`commands:${command.data.name}.description`)}`;
  });
  return [t('console:commandsTitle'), ...lines, t('console:hint')].join('\n');
}

/** After a handler showed a modal: collect its fields and run the command's modal handler. */
async function followModal(loop: ConsoleLoop, run: ConsoleRun, command: Command): Promise<ConsoleRun> {
  const { session } = loop;
  const modal = run.modal!;
  const t = fixedT(session.i18n, consoleLang(session));
  const translate = asTranslate(t);
  const answer = await promptModal(modal, loop.lines, loop.interactive, translate, session.print);
  if (!answer.ok) {
    loop.printError(answer.message);
    return { outcome: 'failed' };
  }
  return runConsoleCommand(
    session,
    command.submitModal ? command : undefined,
    command.data.name,
    consoleOptions(undefined, {}),
    (found, ctx) => found.submitModal!(ctx, modal.customId, answer.fields),
  );
}

/** `/press <customId>`: the console's click on a button a reply offered (a refused form's "reopen"). */
async function pressButton(loop: ConsoleLoop, customId: string): Promise<boolean> {
  const name = customId.split(':')[0] ?? '';
  const command = loop.session.commands.find((candidate) => candidate.data.name === name);
  let run = await runConsoleCommand(
    loop.session,
    command?.pressButton ? command : undefined,
    name,
    consoleOptions(undefined, {}),
    (found, ctx) => found.pressButton!(ctx, customId),
  );
  if (run.modal && command) run = await followModal(loop, run, command);
  return run.outcome === 'ok';
}

/** Runs one line; returns whether it succeeded, or 'quit'. */
async function runLine(loop: ConsoleLoop, line: string): Promise<boolean | 'quit'> {
  const { session } = loop;
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return true;
  if (QUIT.has(trimmed.toLowerCase())) return 'quit';
  const setting = settingOf(session);
  if (
    trimmed.toLowerCase() === '/help' &&
    !session.commands.some((command) => command.data.name === 'help')
  ) {
    session.print(listCommands(session));
    return true;
  }
  const pressed = /^\/press\s+(\S+)$/i.exec(trimmed);
  if (pressed) return pressButton(loop, pressed[1]!);
  const parsed = parseLine(setting, trimmed);
  if (!parsed.ok) {
    const t = fixedT(session.i18n, setting.lang);
    loop.printError(t(`console:parse.${parsed.problem.code}`, parsed.problem.params));
    return false;
  }
  const { command, subcommand, values } = parsed.call;
  let run = await runConsoleCommand(
    session,
    command,
    command.data.name,
    consoleOptions(subcommand, values),
    (found, ctx) => found.execute(ctx),
  );
  if (run.modal) run = await followModal(loop, run, command);
  return run.outcome === 'ok';
}

/**
 * The console's read–run–print loop on a line source, until `/quit` or the end of input.
 * Returns the exit code: 0, or 1 when reading piped input and at least one line failed.
 */
export async function runConsoleLoop(loop: ConsoleLoop): Promise<number> {
  let failures = 0;
  for (;;) {
    const line = await loop.lines.next(loop.interactive ? '> ' : '');
    if (line === undefined) break;
    const result = await runLine(loop, line);
    if (result === 'quit') break;
    if (!result) failures++;
  }
  loop.lines.close();
  if (failures > 0 && !loop.interactive) {
    const t = fixedT(loop.session.i18n, consoleLang(loop.session));
    loop.printError(t('console:failures', { count: failures }));
  }
  return failures > 0 && !loop.interactive ? 1 : 0;
}
