import { processIo, type Subcommand } from '../bot/cli/io.ts';
import { parseCli, USAGE } from '../bot/cli/parse.ts';
import type { Bench, BenchFigure } from './types.ts';

/** Every benchmark module, run one after the other in one process so figures are side by side. */
const BENCHES: Record<string, () => Promise<{ bench: Bench }>> = {
  numbers: () => import('./numbers.ts'),
  chart: () => import('./chart.ts'),
  verifier: () => import('./verifier.ts'),
  store: () => import('./store.ts'),
  answers: () => import('./answers.ts'),
  digest: () => import('./digest.ts'),
  discord: () => import('./discord.ts'),
  postgres: () => import('./postgres.ts'),
  drafting: () => import('./drafting.ts'),
};

const HIGHER_IS_BETTER = new Set<BenchFigure['unit']>(['ops/s', 'sentences/s', '%']);

/** Whether a figure meets its target, when it has one. */
export const meetsTarget = (figure: BenchFigure): boolean | undefined =>
  figure.target === undefined
    ? undefined
    : HIGHER_IS_BETTER.has(figure.unit)
      ? figure.value >= figure.target
      : figure.value <= figure.target;

const round = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);

function table(figures: readonly BenchFigure[]): string {
  const rows = figures.map((figure) => {
    const ratio = figure.floor
      ? `${round(figure.value / figure.floor.value)}× ${figure.floor.label} (${round(figure.floor.value)} ${figure.unit})`
      : '';
    const verdict = meetsTarget(figure);
    const target =
      figure.target === undefined ? '' : `${verdict ? '✓' : '✗'} target ${figure.target} ${figure.unit}`;
    return [figure.group, figure.name, `${round(figure.value)} ${figure.unit}`, ratio, target];
  });
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length), 4));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `npm run bench [-- --json] [-- --only name,name]` — the figures of every benchmark, with ratios against their floors. */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, { json: { type: 'boolean' }, only: { type: 'string' } }, io);
  if (!parsed) return USAGE;
  const only = parsed.values.only?.split(',');
  const figures: BenchFigure[] = [];
  for (const [name, load] of Object.entries(BENCHES)) {
    if (only && !only.includes(name)) continue;
    if (!parsed.values.json) io.err(`… ${name}`);
    const { bench } = await load();
    figures.push(...(await bench()));
  }
  io.out(parsed.values.json ? JSON.stringify(figures, null, 2) : table(figures));
  return 0;
};

// `npm run bench` runs this file directly (tsx); it is development-only and never shipped as a subcommand.
process.exitCode = await run(process.argv.slice(2), processIo());
