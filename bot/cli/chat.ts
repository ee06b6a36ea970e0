import { chatCommand } from './chat-command.ts';
import { openServices } from './services.ts';

/** `briefing chat`: the console transport (see bot/cli/chat-command.ts) on the program's services. */
export const run = chatCommand(openServices);
