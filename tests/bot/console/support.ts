import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CommandLocaleLookup } from '../../../bot/app/command-locales.ts';
import { pipedLines } from '../../../bot/console/lines.ts';
import { runConsoleLoop } from '../../../bot/console/repl.ts';
import { CONSOLE_GUILD_ID, type ConsoleSession } from '../../../bot/console/session.ts';
import { loadI18n } from '../../../bot/i18n.ts';
import { createLogger } from '../../../bot/log.ts';
import { openSettingsStore } from '../../../bot/settings-store.ts';
import type { Command, Services } from '../../../commands/index.ts';
import type { Lang } from '../../../facts/schema/index.ts';

export interface ConsoleRunResult {
  code: number;
  out: string[];
  err: string[];
}

/** A console session on synthetic commands and a settings store in a temp folder; other services are unused. */
export async function makeSession(
  commands: readonly Command[],
  options: { moderator?: boolean; lang?: Lang; lookup?: CommandLocaleLookup } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'console-'));
  const opened = await openSettingsStore(dir);
  if (!opened.ok) throw new Error(opened.code);
  const out: string[] = [];
  const err: string[] = [];
  const log = createLogger({ level: 'silent', secrets: [] });
  const session: ConsoleSession = {
    commands,
    services: { settings: opened.value, log } as unknown as Services,
    i18n: await loadI18n(),
    log,
    lookup: options.lookup ?? (() => undefined),
    user: { id: 'console:tester', name: 'tester' },
    moderator: options.moderator ?? false,
    guildId: CONSOLE_GUILD_ID,
    sessionLang: options.lang ?? 'en',
    print: (text) => out.push(text),
  };
  return {
    session,
    out,
    err,
    /** Feeds the lines as piped input and runs the loop to the end. */
    run: async (lines: string[]): Promise<ConsoleRunResult> => {
      const code = await runConsoleLoop({
        session,
        lines: pipedLines(Readable.from([`${lines.join('\n')}\n`])),
        interactive: false,
        printError: (text) => err.push(text),
      });
      return { code, out, err };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
