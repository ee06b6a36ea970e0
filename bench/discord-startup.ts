import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { factChecks } from '../bot/open-store.ts';
import { openStore } from '../bot/store/index.ts';
import { type FakeDiscord, startFakeDiscord } from '../tests/support/fake-discord.ts';
import type { StartupMark } from './discord-startup-child.ts';
import { generateFacts } from './generate.ts';
import { percentile } from './measure.ts';
import type { BenchFigure } from './types.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHILD_URL = new URL('./discord-startup-child.ts', import.meta.url).href;
/** How bot/briefing.mjs loads TypeScript: tsx's ESM hooks (not `--import tsx`, which also hooks require). */
const TSX = `const { register } = await import('tsx/esm/api'); register();`;
const MAX_ROUNDS = 5;
/** Another round starts only if it should end within this budget (the bot's start-up may take seconds). */
const BUDGET_MS = 45_000;
const READY_TIMEOUT_MS = 45_000;
const EXIT_TIMEOUT_MS = 5000;

/** The floor: a bare discord.js client with the bot's one intent, in plain JavaScript (no tsx, no project code). */
const BARE_CLIENT = `
const { Client, Events, GatewayIntentBits } = await import('discord.js');
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_BASE } });
client.once(Events.ClientReady, () => process.stdout.write('{"ready":true}\\n'));
process.once('SIGTERM', () => client.destroy().finally(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
`;

/** How a kind of process is started, and which output line says it is ready. */
interface KindSpec {
  args: readonly string[];
  readyOn: 'stdout' | 'stderr';
  ready: string;
  env?: Record<string, string>;
}

type Kind = 'bot' | 'bare' | 'bareTsx' | 'steps';

const KINDS: Record<Kind, KindSpec> = {
  /** `briefing bot` itself, as users run it. */
  bot: { args: ['bot/briefing.mjs', 'bot'], readyOn: 'stderr', ready: '"event":"bot.ready"' },
  bare: { args: ['--input-type=module', '-e', BARE_CLIENT], readyOn: 'stdout', ready: '"ready"' },
  /** The same bare client with tsx's loader registered: what tsx alone adds. */
  bareTsx: {
    args: ['--input-type=module', '-e', `${TSX}\n${BARE_CLIENT}`],
    readyOn: 'stdout',
    ready: '"ready"',
  },
  /** The bot's steps one by one (discord-startup-child.ts), for the breakdown. */
  steps: {
    args: ['--input-type=module', '-e', `${TSX}\nawait import(${JSON.stringify(CHILD_URL)});`],
    readyOn: 'stdout',
    ready: '"marks"',
    env: { BENCH_DISCORD_CHILD: 'bot' },
  },
};

interface Started {
  /** Spawn → the ready line, as the parent sees it (ms). */
  ms: number;
  /** Resident memory of the child when it said it was ready (MB). */
  rssMb: number;
  marks?: StartupMark[];
}

/** VmRSS of a live process from /proc (Linux), in MB; undefined elsewhere. */
function procRssMb(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Ends a child with SIGTERM (its clean shutdown), then SIGKILL if it lingers; resolves once it has exited. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Spawns one process of `kind`, waits for its ready line, reads its RSS, and stops it. */
async function startOnce(kind: Kind, env: NodeJS.ProcessEnv): Promise<Started> {
  const { args, readyOn, ready, env: extra } = KINDS[kind];
  const start = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${kind}: not ready in ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      for (const stream of ['stdout', 'stderr'] as const) {
        createInterface({ input: child[stream] }).on('line', (text) => {
          output.push(text);
          if (stream === readyOn && text.includes(ready)) {
            clearTimeout(timer);
            resolve(text);
          }
        });
      }
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${kind} exited with ${code} before ready:\n${output.slice(-20).join('\n')}`));
      });
    });
    const ms = performance.now() - start;
    const marks = kind === 'steps' ? (JSON.parse(line) as { marks: StartupMark[] }).marks : undefined;
    const rssMb = procRssMb(child.pid) ?? (marks ? marks.at(-1)!.rss / 1024 / 1024 : Number.NaN);
    return { ms, rssMb, ...(marks ? { marks } : {}) };
  } finally {
    await stopChild(child);
  }
}

/** A data folder holding a generated 10 k-fact store, written once through the store's own file backend. */
async function writeLargeStore(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-discord-10k-'));
  const opened = await openStore(dir, () => generateFacts(10_000), { fourEyes: true, checks: factChecks() });
  if (!opened.ok) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${opened.code} ${opened.details?.join('\n') ?? ''}`);
  }
  await opened.value.store.close();
  return dir;
}

const median = (values: readonly number[]) => percentile(values, 50);

/** Every round runs the floor, the bot and its steps; the first also the bare client under tsx. */
const EVERY_ROUND: readonly Kind[] = ['bare', 'bot', 'steps'];
const FIRST_ROUND: readonly Kind[] = [...EVERY_ROUND, 'bareTsx'];

/** `briefing bot` against the bare client, then the bare client under tsx and the bot's steps (the breakdown). */
function startupFigures(runs: Record<Kind, Started[]>): BenchFigure[] {
  const ms = (kind: Kind) => median(runs[kind].map((run) => run.ms));
  const rss = (kind: Kind) => median(runs[kind].map((run) => run.rssMb));
  const bare = { label: 'bare discord.js client', value: ms('bare') };
  const bareRss = { label: 'bare discord.js client', value: rss('bare') };
  const once = (kind: Kind, name: string): BenchFigure[] => [
    {
      group: 'discord start-up',
      name: `${name}, start-up to ready`,
      value: ms(kind),
      unit: 'ms',
      floor: bare,
    },
    {
      group: 'discord start-up',
      name: `${name}, RSS at ready`,
      value: rss(kind),
      unit: 'MB',
      floor: bareRss,
    },
  ];
  return [
    { group: 'discord', name: 'start-up to ready, 10k facts', value: ms('bot'), unit: 'ms', floor: bare },
    {
      group: 'discord',
      name: 'start-up ÷ bare client',
      value: ms('bot') / bare.value,
      unit: 'count',
      target: 1.5,
    },
    { group: 'discord', name: 'RSS at ready, 10k facts', value: rss('bot'), unit: 'MB', floor: bareRss },
    {
      group: 'discord',
      name: 'RSS ÷ bare client',
      value: rss('bot') / bareRss.value,
      unit: 'count',
      target: 1.5,
    },
    { group: 'discord', name: 'start-up runs of each (medians)', value: runs.bot.length, unit: 'count' },
    ...once('bareTsx', 'bare client under tsx (1st run)'),
    ...once('steps', 'bot step by step'),
    ...breakdown(runs.steps.map((run) => run.marks!)),
  ];
}

/** Medians of each step's duration and of the RSS it added, over the instrumented runs. */
function breakdown(runs: readonly StartupMark[][]): BenchFigure[] {
  const steps = runs[0]!.map((mark) => mark.step);
  return steps.flatMap((step, i) => {
    const delta = (key: 'ms' | 'rss') =>
      median(runs.map((marks) => marks[i]![key] - (i === 0 ? 0 : marks[i - 1]![key])));
    return [
      { group: 'discord start-up', name: `${step}`, value: delta('ms'), unit: 'ms' as const },
      {
        group: 'discord start-up',
        name: i === 0 ? `${step}, RSS then` : `${step}, RSS added`,
        value: delta('rss') / 1024 / 1024,
        unit: 'MB' as const,
      },
    ];
  });
}

/**
 * Start-up to clientReady and RSS at ready: `briefing bot` on a 10 k-fact store against a bare discord.js client,
 * both logging in to the same fake Discord run here; medians of interleaved runs, as many as fit in the budget.
 * The same start-up step by step (discord-startup-child.ts) gives the breakdown.
 */
export async function measureStartup(): Promise<BenchFigure[]> {
  const dir = await writeLargeStore();
  let fake: FakeDiscord | undefined;
  try {
    fake = await startFakeDiscord();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_BASE: fake.apiBase,
      BRIEFING_DATA_DIR: dir,
      BRIEFING_LOG_LEVEL: 'info',
      // Templated answers only: the start-up must not depend on a key in the caller's environment.
      ANTHROPIC_API_KEY: '',
    };
    const runs: Record<Kind, Started[]> = { bot: [], bare: [], bareTsx: [], steps: [] };
    const started = performance.now();
    let round = 0;
    // What a further round costs: the kinds every round runs, as long as they took last time.
    let nextRoundMs = 0;
    while (round < MAX_ROUNDS && (round === 0 || performance.now() - started + nextRoundMs <= BUDGET_MS)) {
      nextRoundMs = 0;
      for (const kind of round === 0 ? FIRST_ROUND : EVERY_ROUND) {
        const kindStart = performance.now();
        runs[kind].push(await startOnce(kind, env));
        if (EVERY_ROUND.includes(kind)) nextRoundMs += performance.now() - kindStart;
      }
      round += 1;
    }
    return startupFigures(runs);
  } finally {
    await fake?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
