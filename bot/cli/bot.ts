import { botCommand } from './bot-command.ts';
import type { Subcommand } from './io.ts';
import { openServices } from './services.ts';

/** After a clean shutdown the process ends by itself; this bounds the wait if something lingers. */
const EXIT_GRACE_MS = 3000;

/** `briefing bot`: the Discord transport (see bot/cli/bot-command.ts) on the program's services. */
export const run: Subcommand = async (args, io) => {
  const code = await botCommand(openServices)(args, io);
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  return code;
};
