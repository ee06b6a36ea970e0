import type { i18n } from 'i18next';
import type { Command, CommandContext, CommandOptions, ModalSpec, Services } from '../../commands/index.ts';
import type { Lang } from '../../facts/schema/index.ts';
import type { CommandLocaleLookup } from '../app/command-locales.ts';
import { type RunOutcome, runCommand } from '../app/run-command.ts';
import { asTranslate, fixedT } from '../i18n.ts';
import { resolveReplyLang } from '../lang.ts';
import type { Logger } from '../log.ts';
import type { OptionValueType } from './parse-line.ts';
import { renderReply } from './render.ts';

/** A server id for the console's own settings when no `--guild` is given (not a real Discord server). */
export const CONSOLE_GUILD_ID = '00000000000000000';

/** Who the console acts as, on which services, and where replies go. */
export interface ConsoleSession {
  commands: readonly Command[];
  services: Services;
  i18n: i18n;
  log: Logger;
  lookup: CommandLocaleLookup;
  user: { id: string; name: string };
  moderator: boolean;
  guildId: string;
  /** `--lang`, else the terminal's language: plays the part of the Discord client's locale. */
  sessionLang: Lang;
  print(text: string): void;
}

/** The reply language, as on Discord: the user's `/lang` choice, else the session's language. */
export function consoleLang(session: ConsoleSession): Lang {
  return resolveReplyLang({
    userChoice: session.services.settings.getUserLang(session.user.id),
    discordLocale: session.sessionLang,
    guildLang: session.services.settings.getGuild(session.guildId).lang,
  });
}

/** Parsed values as the handlers read them. */
export function consoleOptions(
  subcommand: string | undefined,
  values: Record<string, OptionValueType>,
  focused?: { name: string; value: string },
): CommandOptions {
  const read = (name: string) => values[name];
  return {
    ...(subcommand ? { subcommand } : {}),
    string: (name) => (read(name) === undefined ? undefined : String(read(name))),
    integer: (name) => (typeof read(name) === 'number' ? (read(name) as number) : undefined),
    boolean: (name) => (typeof read(name) === 'boolean' ? (read(name) as boolean) : undefined),
    ...(focused ? { focused } : {}),
  };
}

export interface ConsoleRun {
  outcome: RunOutcome;
  /** A modal the handler asked for; the console prompts for its fields next. */
  modal?: ModalSpec;
}

/** A command context for the console: replies are printed, deferral is silent, a modal is kept for prompting. */
export function consoleContext(session: ConsoleSession, options: CommandOptions) {
  const lang = consoleLang(session);
  const t = fixedT(session.i18n, lang);
  const state: { replied: boolean; modal?: ModalSpec } = { replied: false };
  const ctx: CommandContext = {
    lang,
    t: asTranslate(t),
    user: session.user,
    guildId: session.guildId,
    isModerator: session.moderator,
    options,
    services: session.services,
    reply: async (reply) => {
      state.replied = true;
      session.print(renderReply(reply, ctx.t));
    },
    defer: async () => undefined,
    showModal: async (modal) => {
      state.replied = true;
      state.modal = modal;
    },
  };
  return { ctx, t, state };
}

let sequence = 0;

/** Runs a handler through the same checks and error replies as on Discord. */
export async function runConsoleCommand(
  session: ConsoleSession,
  command: Command | undefined,
  commandName: string,
  options: CommandOptions,
  call: (command: Command, ctx: CommandContext) => Promise<void>,
): Promise<ConsoleRun> {
  const { ctx, t, state } = consoleContext(session, options);
  const ref = `console-${process.pid}-${++sequence}`;
  const outcome = await runCommand(
    command,
    { ctx, t, commandName, hasReplied: () => state.replied, log: session.log, ref },
    call,
  );
  return { outcome, ...(state.modal ? { modal: state.modal } : {}) };
}
