import { type CliIo, processIo, type Subcommand } from './io.ts';

/** Each subcommand lives in its own file, loaded only when asked for (start-up stays fast). */
const SUBCOMMANDS: Record<string, () => Promise<{ run: Subcommand }>> = {
  facts: () => import('./facts.ts'),
  numbers: () => import('./numbers.ts'),
  verify: () => import('./verify.ts'),
  ask: () => import('./ask.ts'),
  bench: () => import('./bench.ts'),
};

export const subcommandNames = (): string[] => Object.keys(SUBCOMMANDS);

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  const load = name === undefined ? () => import('./overview.ts') : SUBCOMMANDS[name];
  if (!load) {
    const { translator } = await import('../i18n.ts');
    const t = await translator('en');
    io.err(t('cli:unknownSubcommand', { name, names: subcommandNames().join(', ') }));
    return 2;
  }
  const { run } = await load();
  return run(rest, io);
}
