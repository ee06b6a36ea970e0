import { botCommand } from './bot-command.ts';
import type { Subcommand } from './io.ts';
import { openServices } from './services.ts';

/** After a clean shutdown the process ends by itself; this bounds the wait if something lingers. */
const EXIT_GRACE_MS = 3000;

/** `briefing bot`: the Discord transport (see bot/cli/bot-command.ts) on the program's services. */
export const run: Subcommand = async (args, io) => {
  const at = args.findIndex((arg) => arg === '--shards' || arg.startsWith('--shards='));
  const shards = at < 0 ? undefined : (args[at]!.split('=')[1] ?? args[at + 1] ?? '');
  const code =
    shards === undefined
      ? await botCommand(openServices)(args, io)
      : await (await import('./bot-shards.ts')).runShards(shards, io);
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  return code;
};
