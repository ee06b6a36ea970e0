import { asksForHelp, isHelpFlag, printHelp } from './help.ts';
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
  const [first, ...others] = argv;
  if (first !== undefined && (isHelpFlag(first) || first === 'help')) {
    // `briefing --help`, `briefing help`, `briefing help <subcommand>`.
    const topic = others[0] !== undefined && Object.hasOwn(SUBCOMMANDS, others[0]) ? others[0] : undefined;
    return printHelp(topic, subcommandNames(), others, io);
  }
  // `npm start`: the Discord bot when a token is set, else the console on the embedded facts. Options without a
  // subcommand (`npm start -- --lang fr`) are the default subcommand's.
  const fallback = io.env.DISCORD_TOKEN ? 'bot' : 'chat';
  const [name, rest] = first === undefined || first.startsWith('-') ? [fallback, argv] : [first, others];
  // Own names only: `briefing __proto__` or `briefing constructor` is an unknown subcommand, not Object's.
  const load = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!load) {
    const [{ translator }, { cliLang }] = await Promise.all([import('../i18n.ts'), import('./context.ts')]);
    const t = await translator(cliLang(undefined, io.env));
    io.err(t('cli:unknownSubcommand', { name, names: subcommandNames().join(', ') }));
    return 2;
  }
  if (asksForHelp(rest)) return printHelp(name, subcommandNames(), rest, io);
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
