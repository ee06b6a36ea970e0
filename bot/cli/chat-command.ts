import { basename } from 'node:path';
import { isSnowflake } from '../../facts/schema/index.ts';
import { lookupFromResources } from '../app/command-locales.ts';
import { secretsOf } from '../config.ts';
import { pipedLines, terminalLines } from '../console/lines.ts';
import { consoleCompleter, runConsoleLoop } from '../console/repl.ts';
import { CONSOLE_GUILD_ID, type ConsoleSession } from '../console/session.ts';
import { loadI18n, readLocaleResources } from '../i18n.ts';
import { createLogger } from '../log.ts';
import { parseLangFlag, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { parseCli, USAGE } from './parse.ts';
import type { ServicesOpener } from './services.ts';

const OPTIONS = {
  as: { type: 'string' },
  lang: { type: 'string' },
  user: { type: 'string' },
  guild: { type: 'string' },
} as const;

/**
 * `briefing chat [--as member|moderator] [--lang fr|en] [--user <name>] [--guild <id>]`: the slash commands on the
 * local store. At a terminal: a prompt with tab completion. Piped: one command per line, no prompt; exits 0 at
 * the end of input, or 1 if any line failed (unparsable, refused, or answered with an error).
 */
export const chatCommand =
  (openServices: ServicesOpener): Subcommand =>
  async (args, io) => {
    const parsed = await parseCli(args, OPTIONS, io);
    if (!parsed) return USAGE;
    const lang = parseLangFlag(parsed.values.lang);
    const session = await startCli(io, lang.ok ? lang.value : undefined);
    if (!session) return USAGE;
    const { t, config } = session;
    const role = parsed.values.as ?? 'member';
    if (!lang.ok) return session.report(lang);
    if (role !== 'member' && role !== 'moderator') {
      io.err(`${t('console:badRole', { value: role })}\n${t('console:usage')}`);
      return USAGE;
    }
    const guildId = parsed.values.guild ?? CONSOLE_GUILD_ID;
    if (!isSnowflake(guildId)) {
      io.err(`${t('console:badGuild', { value: guildId })}\n${t('console:usage')}`);
      return USAGE;
    }
    // The console is for people: log lines only for warnings unless a level was asked for.
    const level = io.env.BRIEFING_LOG_LEVEL ? config.BRIEFING_LOG_LEVEL : 'warn';
    const log = createLogger({ level, secrets: secretsOf(config), write: io.err });
    const opened = await openServices(config, log);
    if (!opened.ok) return session.report(opened);
    const { commands } = await import('../../commands/registry.ts');
    const name = (parsed.values.user ?? io.env.USER ?? 'console').trim() || 'console';
    const consoleSession: ConsoleSession = {
      commands,
      services: opened.value.services,
      i18n: await loadI18n(),
      log,
      lookup: lookupFromResources(readLocaleResources()),
      user: { id: `console:${name}`, name },
      moderator: role === 'moderator',
      guildId,
      sessionLang: session.lang,
      print: io.out,
    };
    const interactive = Boolean((io.stdin as NodeJS.ReadStream).isTTY);
    const lines = interactive
      ? terminalLines(io.stdin, process.stdout, consoleCompleter(consoleSession))
      : pipedLines(io.stdin);
    if (interactive) {
      const user = name;
      const roleName = t(`console:role.${role}`);
      io.out(
        t('console:banner', {
          dir: basename(config.dataDir),
          user,
          role: roleName,
          lang: t(`console:langName.${session.lang}`),
        }),
      );
      io.out(t('console:hint'));
    }
    try {
      return await runConsoleLoop({ session: consoleSession, lines, interactive, printError: io.err });
    } finally {
      await opened.value.close();
    }
  };
