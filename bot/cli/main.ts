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
  const wanted = name ?? fallback;
  // Own names only: `briefing __proto__` or `briefing constructor` is an unknown subcommand, not Object's.
  const load = Object.hasOwn(SUBCOMMANDS, wanted) ? SUBCOMMANDS[wanted] : undefined;
  if (!load) {
    const [{ translator }, { cliLang }] = await Promise.all([import('../i18n.ts'), import('./context.ts')]);
    const t = await translator(cliLang(undefined, io.env));
    io.err(t('cli:unknownSubcommand', { name, names: subcommandNames().join(', ') }));
    return 2;
  }
  const { run } = await load();
  return run(rest, io).catch(async (error: unknown) => {
    // A disk that refuses a write anywhere (a folder, a temp file) is the user's to fix: say so, without a stack.
    const { diskFullOf } = await import('../store/files/storage.ts');
    const full = diskFullOf(error, (error as { path?: string }).path ?? '');
    if (!full) throw error;
    const [{ translator }, { cliLang }] = await Promise.all([import('../i18n.ts'), import('./context.ts')]);
    const t = await translator(cliLang(undefined, io.env));
    io.err(t('errors:diskFull', { file: full.file, reason: full.reason }));
    return 1;
  });
}
