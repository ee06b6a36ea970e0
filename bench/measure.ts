import { performance } from 'node:perf_hooks';

/** The p-th percentile (0–100) of samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs `task` `runs` times after `warmup` untimed runs; returns each duration in milliseconds. */
export async function sample(
  task: (index: number) => unknown,
  runs: number,
  warmup = Math.min(20, runs),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await task(i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

/** Resident set size in MB. */
export const rssMb = (): number => process.memoryUsage().rss / 1024 / 1024;
