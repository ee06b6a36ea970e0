import { execFile } from 'node:child_process';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openStore, storeFiles } from '../bot/store/index.ts';
import { percentile } from './measure.ts';
import { generateEntities, generateFact } from './store-data.ts';
import type { Bench, BenchFigure } from './types.ts';

const SIZES = [10_000, 100_000] as const;
const EDITS = 500;
const CHILD = 'BENCH_STORE_CHILD';
const run = promisify(execFile);

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const megabytes = (bytes: number) => round(bytes / 1e6);

/** Measures, in a fresh process (so memory is its own), opening the store or parsing its snapshot as plain JSON. */
async function measureInChild(mode: 'open' | 'parse', dir: string): Promise<{ ms: number; rss: number }> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', self], {
    env: { ...process.env, [CHILD]: JSON.stringify({ mode, dir }) },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

async function childMain(mode: 'open' | 'parse', dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().rss;
  const start = performance.now();
  let keep: unknown;
  if (mode === 'parse') keep = JSON.parse(await readFile(storeFiles(dir).snapshot, 'utf8'));
  else {
    const opened = await openStore(dir, () => ({ facts: [], entities: [] }), { fourEyes: true });
    if (!opened.ok) throw new Error(`${opened.code} ${opened.details?.join('\n')}`);
    keep = opened.value.store;
  }
  const ms = performance.now() - start;
  gc();
  const rss = process.memoryUsage().rss - before;
  process.stdout.write(`${JSON.stringify({ ms, rss, kept: Boolean(keep) })}\n`);
}

/** Append + flush of a line the size of an edit's audit entry: what one acknowledged write costs the disk. */
async function measureFsyncFloor(dir: string, bytes: number): Promise<number[]> {
  const handle = await open(join(dir, 'floor.jsonl'), 'a');
  const line = Buffer.alloc(bytes, 'x');
  const latencies: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now();
    await handle.write(line);
    await handle.datasync();
    latencies.push(performance.now() - start);
  }
  await handle.close();
  return latencies.sort((a, b) => a - b);
}

async function reopen(dir: string, compactEvery?: number) {
  const opened = await openStore(dir, () => ({ facts: [], entities: [] }), { fourEyes: true, compactEvery });
  if (!opened.ok) throw new Error(opened.code);
  return opened.value;
}

/** Latencies of 500 sequential edits, sorted; a snapshot every `compactEvery` writes runs alongside. */
async function timeEdits(dir: string, size: number, compactEvery: number | undefined): Promise<number[]> {
  const { store } = await reopen(dir, compactEvery);
  const latencies: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const id = `fact-${(i * 7919) % size}`;
    const fact = store.getFact(id)!;
    const start = performance.now();
    const edited = await store.edit(
      id,
      fact.version,
      { asOf: fact.asOf === '2025-10-01' ? '2025-10-02' : '2025-10-01' },
      'carla',
    );
    latencies.push(performance.now() - start);
    if (!edited.ok) throw new Error(edited.code);
  }
  await store.close();
  return latencies.sort((a, b) => a - b);
}

/**
 * Edit latency at `size` facts, next to a bare append + flush of a line of the same size. Measured twice: with the
 * default snapshot cadence, and with a snapshot every 100 writes (ten times the default) to show what saving the
 * whole store in the background costs the writes that run meanwhile.
 */
async function measureEdits(dir: string, size: number): Promise<BenchFigure[]> {
  const label = `${size / 1000}k facts`;
  const usual = await timeEdits(dir, size, undefined);
  const busy = await timeEdits(dir, size, 100);
  const { store } = await reopen(dir);
  const entryBytes = Buffer.byteLength(JSON.stringify(store.history(`fact-${7919 % size}`).at(-1)));
  await store.close();
  const floor = await measureFsyncFloor(dir, entryBytes + 1);
  const fsync = (p: number) => ({ label: 'append + datasync', value: round(percentile(floor, p * 100), 2) });
  return [
    {
      group: 'store',
      name: `edit p50 at ${label}`,
      value: round(percentile(usual, 50), 2),
      unit: 'ms',
      floor: fsync(0.5),
    },
    {
      group: 'store',
      name: `edit p99 at ${label}`,
      value: round(percentile(usual, 99), 2),
      unit: 'ms',
      target: 20,
      floor: fsync(0.99),
    },
    { group: 'store', name: `edit max at ${label}`, value: round(usual.at(-1)!, 2), unit: 'ms' },
    {
      group: 'store',
      name: `edit p99 at ${label}, snapshot every 100 writes`,
      value: round(percentile(busy, 99), 2),
      unit: 'ms',
      target: 20,
      floor: fsync(0.99),
    },
    {
      group: 'store',
      name: `edit max at ${label}, snapshot every 100 writes`,
      value: round(busy.at(-1)!, 2),
      unit: 'ms',
    },
  ];
}

/**
 * Generated stores of 10 k and 100 k facts in a temp folder: open time (load + validation) and memory, next to
 * plain `JSON.parse` of the same snapshot; then 500 edits at 10 k facts, next to a bare append + flush.
 */
export const bench: Bench = async () => {
  const figures: BenchFigure[] = [];
  const entities = generateEntities();
  for (const size of SIZES) {
    const dir = await mkdtemp(join(tmpdir(), `bench-store-${size}-`));
    try {
      const facts = Array.from({ length: size }, (_, i) => generateFact(i));
      const seedStart = performance.now();
      const seeded = await openStore(dir, () => ({ facts, entities }), { fourEyes: true });
      if (!seeded.ok) throw new Error(seeded.code);
      await seeded.value.store.close();
      const seedMs = performance.now() - seedStart;
      const snapshotBytes = (await readFile(storeFiles(dir).snapshot)).length;
      const label = `${size / 1000}k facts`;
      const parse = await measureInChild('parse', dir);
      const opened = await measureInChild('open', dir);
      figures.push(
        { group: 'store', name: `first run from a ${label} seed`, value: Math.round(seedMs), unit: 'ms' },
        { group: 'store', name: `snapshot size, ${label}`, value: megabytes(snapshotBytes), unit: 'MB' },
        {
          group: 'store',
          name: `load ${label}`,
          value: Math.round(opened.ms),
          unit: 'ms',
          floor: { label: 'readFile + JSON.parse', value: Math.round(parse.ms) },
          ...(size === 100_000 ? { target: 1000 } : {}),
        },
        {
          group: 'store',
          name: `memory after load, ${label}`,
          value: megabytes(opened.rss),
          unit: 'MB',
          floor: { label: 'JSON.parse result', value: megabytes(parse.rss) },
        },
      );
      if (size === 100_000) {
        const { store } = await reopen(dir);
        const start = performance.now();
        store.history(`fact-${size - 1}`);
        const ms = Math.round(performance.now() - start);
        figures.push({ group: 'store', name: `first history request, ${label}`, value: ms, unit: 'ms' });
        await store.close();
      } else figures.push(...(await measureEdits(dir, size)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return figures;
};

const child = process.env[CHILD];
if (child) {
  const { mode, dir } = JSON.parse(child) as { mode: 'open' | 'parse'; dir: string };
  await childMain(mode, dir);
}
