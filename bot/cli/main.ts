import { type CliIo, processIo, type Subcommand } from './io.ts';

/** Each subcommand lives in its own file, loaded only when asked for (start-up stays fast). */
const SUBCOMMANDS: Record<string, () => Promise<{ run: Subcommand }>> = {
  facts: () => import('./facts.ts'),
  numbers: () => import('./numbers.ts'),
  verify: () => import('./verify.ts'),
  ask: () => import('./ask.ts'),
  bot: () => import('./bot.ts'),
  chat: () => import('./chat.ts'),
  'deploy-commands': () => import('./deploy-commands.ts'),
  digest: () => import('./digest.ts'),
  overview: () => import('./overview.ts'),
};

export const subcommandNames = (): string[] => Object.keys(SUBCOMMANDS);

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  // `npm start`: the Discord bot when a token is set, else the console on the embedded facts.
  const fallback = io.env.DISCORD_TOKEN ? 'bot' : 'chat';
  const load = SUBCOMMANDS[name ?? fallback];
  if (!load) {
    const [{ translator }, { cliLang }] = await Promise.all([import('../i18n.ts'), import('./context.ts')]);
    const t = await translator(cliLang(undefined, io.env));
    io.err(t('cli:unknownSubcommand', { name, names: subcommandNames().join(', ') }));
    return 2;
  }
  const { run } = await load();
  return run(rest, io);
}
