import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { asTranslate, fixedT, loadI18n } from '../bot/i18n.ts';
import { silentLogger } from '../bot/log.ts';
import { openStore } from '../bot/store/index.ts';
import { openPostgresFactStore } from '../bot/store/postgres/open-facts.ts';
import { createAnswerer } from '../facts/answer/index.ts';
import { createFactIndex, selectFacts } from '../facts/search/index.ts';
import type { FactRepository } from '../facts/store/index.ts';
import { type FakeDiscord, startFakeDiscord } from '../tests/support/fake-discord.ts';
import { startOnce } from './discord-startup.ts';
import { generateFacts } from './generate.ts';
import { percentile, sample } from './measure.ts';
import { BENCH_QUESTIONS } from './questions.ts';
import type { Bench, BenchFigure } from './types.ts';

const ADMIN = process.env.BRIEFING_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const EDITS = 300;
const ROUNDS = 3;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function admin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** A scratch database on the benchmark's server, dropped afterwards. */
async function scratch(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Latencies of sequential edits, sorted. */
async function timeEdits(store: FactRepository): Promise<number[]> {
  const ids = store.listFacts().map((fact) => fact.id);
  return (
    await sample(async (i) => {
      const id = ids[(i * 7919) % ids.length]!;
      const fact = store.getFact(id)!;
      const asOf = fact.asOf === '2025-10-01' ? '2025-10-02' : '2025-10-01';
      const edited = await store.edit(id, fact.version, { asOf }, 'carla');
      if (!edited.ok) throw new Error(edited.code);
    }, EDITS)
  ).sort((a, b) => a - b);
}

/** The floor of a write: a transaction that changes one row and commits, on a connection of the same kind. */
async function timeBareWrites(url: string): Promise<{ write: number[]; select: number[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const write = await sample(async () => {
      await client.query('BEGIN');
      await client.query('UPDATE store_head SET touched_at = now()');
      await client.query('COMMIT');
    }, EDITS);
    const select = await sample(() => client.query('SELECT 1'), EDITS);
    return { write: write.sort((a, b) => a - b), select: select.sort((a, b) => a - b) };
  } finally {
    await client.end();
  }
}

/** `/ask`'s work on a store (reads come from memory on both backends): select facts, then answer. */
async function timeAsk(store: FactRepository): Promise<number[]> {
  const i18n = await loadI18n();
  const index = createFactIndex(store.listFacts(), store.listEntities());
  const answerer = createAnswerer({
    getFact: (id) => store.getFact(id),
    entities: () => store.listEntities(),
    select: (question, lang) => selectFacts(index, question, lang),
    translate: (lang) => asTranslate(fixedT(i18n, lang)),
    log: silentLogger,
  });
  const pick = (i: number) => BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]!;
  return (await sample((i) => answerer.answer({ ...pick(i), mode: 'template' }), 200)).sort((a, b) => a - b);
}

const p = (values: number[], q: number) => round(percentile(values, q));

/** `briefing bot` on both backends against a bare discord.js client, interleaved, medians of ROUNDS runs. */
async function timeStartups(dir: string, url: string): Promise<BenchFigure[]> {
  let fake: FakeDiscord | undefined;
  try {
    fake = await startFakeDiscord();
    const env = {
      ...process.env,
      DISCORD_TOKEN: 'bench-token',
      DISCORD_API_BASE: fake.apiBase,
      BRIEFING_LOG_LEVEL: 'info',
      ANTHROPIC_API_KEY: '',
    };
    const runs = { bare: [] as number[], files: [] as number[], postgres: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      runs.bare.push((await startOnce('bare', env)).ms);
      runs.files.push((await startOnce('bot', { ...env, BRIEFING_DATA_DIR: dir, DATABASE_URL: '' })).ms);
      const dataDir = join(dir, 'unused');
      runs.postgres.push(
        (await startOnce('bot', { ...env, BRIEFING_DATA_DIR: dataDir, DATABASE_URL: url })).ms,
      );
    }
    const median = (values: number[]) => round(percentile(values, 50), 0);
    const bare = { label: 'bare discord.js client', value: median(runs.bare) };
    return [
      {
        group: 'postgres',
        name: 'start-up to ready, 10k facts, files',
        value: median(runs.files),
        unit: 'ms',
        floor: bare,
      },
      {
        group: 'postgres',
        name: 'start-up to ready, 10k facts, PostgreSQL',
        value: median(runs.postgres),
        unit: 'ms',
        floor: bare,
      },
      {
        group: 'postgres',
        name: 'start-up ÷ bare client, PostgreSQL',
        value: round(median(runs.postgres) / bare.value),
        unit: 'count',
        target: 1.5,
      },
    ];
  } finally {
    await fake?.close();
  }
}

/**
 * The PostgreSQL backend beside the file backend on the same generated 10 k facts: edits (with a bare committed
 * write and a bare SELECT on a connection of the same server as floors), `/ask`, start-up to ready against a bare
 * discord.js client; then what loading 100 k facts costs, against a bare SELECT of the same rows.
 */
export const bench: Bench = async () => {
  try {
    await admin((client) => client.query('SELECT 1'));
  } catch (error) {
    process.stderr.write(`postgres bench skipped: no PostgreSQL at ${ADMIN} (${String(error)})\n`);
    return [];
  }
  const figures: BenchFigure[] = [];
  // As the store benchmark: the schema only, since generated texts need not pass the editorial checks.
  const options = { fourEyes: true };
  const dir = await mkdtemp(join(tmpdir(), 'bench-pg-'));
  const db = await scratch(`bench_pg_${process.pid}`);
  try {
    const data = generateFacts(10_000);
    const files = await openStore(dir, () => data, options);
    if (!files.ok) throw new Error(files.code);
    const seedStart = performance.now();
    const opened = await openPostgresFactStore(db.url, () => data, options);
    if (!opened.ok) throw new Error(opened.code);
    const seedMs = performance.now() - seedStart;
    const [fileEdits, pgEdits] = [await timeEdits(files.value.store), await timeEdits(opened.value.store)];
    const [fileAsk, pgAsk] = [await timeAsk(files.value.store), await timeAsk(opened.value.store)];
    await files.value.store.close();
    await opened.value.store.close();
    const bare = await timeBareWrites(db.url);
    const fileFloor = (q: number) => ({ label: 'file backend', value: p(fileEdits, q) });
    figures.push(
      {
        group: 'postgres',
        name: 'first run from a 10k seed (migrate + seed)',
        value: round(seedMs, 0),
        unit: 'ms',
      },
      {
        group: 'postgres',
        name: 'edit p50 at 10k facts',
        value: p(pgEdits, 50),
        unit: 'ms',
        floor: fileFloor(50),
      },
      {
        group: 'postgres',
        name: 'edit p99 at 10k facts',
        value: p(pgEdits, 99),
        unit: 'ms',
        floor: fileFloor(99),
      },
      {
        group: 'postgres',
        name: 'edit p50 against a bare write',
        value: p(pgEdits, 50),
        unit: 'ms',
        floor: { label: 'BEGIN; UPDATE; COMMIT', value: p(bare.write, 50) },
      },
      {
        group: 'postgres',
        name: 'bare SELECT 1 round trip',
        value: p(bare.select, 50),
        unit: 'ms',
      },
      {
        group: 'postgres',
        name: '/ask p50 (select + answer), 10k facts',
        value: p(pgAsk, 50),
        unit: 'ms',
        floor: { label: 'file backend', value: p(fileAsk, 50) },
      },
    );
    figures.push(...(await timeStartups(dir, db.url)));
  } finally {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
  figures.push(...(await loadAt100k(options)));
  return figures;
};

/** Start-up's store part at 100 k facts: open (load every fact and entity), against a bare SELECT of the docs. */
async function loadAt100k(options: { fourEyes: boolean }): Promise<BenchFigure[]> {
  const db = await scratch(`bench_pg100k_${process.pid}`);
  try {
    const data = generateFacts(100_000);
    const seeded = await openPostgresFactStore(db.url, () => data, options);
    if (!seeded.ok) throw new Error(seeded.code);
    await seeded.value.store.close();
    const start = performance.now();
    const opened = await openPostgresFactStore(db.url, () => data, { ...options, migrate: true });
    if (!opened.ok) throw new Error(opened.code);
    const openMs = performance.now() - start;
    await opened.value.store.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const bareStart = performance.now();
    await client.query('SELECT doc FROM facts ORDER BY position');
    const bareMs = performance.now() - bareStart;
    await client.end();
    return [
      {
        group: 'postgres',
        name: 'open the store at 100k facts (migrations checked, facts loaded)',
        value: round(openMs, 0),
        unit: 'ms',
        floor: { label: 'bare SELECT of every fact', value: round(bareMs, 0) },
      },
    ];
  } finally {
    await db.drop();
  }
}
