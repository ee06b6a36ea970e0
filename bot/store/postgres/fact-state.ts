import type pg from 'pg';
import { loadMeasures } from '../../../facts/measures/index.ts';
import { fail, ok, type Result } from '../../../facts/result.ts';
import type { Entity, Fact, Measure } from '../../../facts/schema/index.ts';
import { seedState } from '../../../facts/store/seed.ts';
import { createState, type StoreState } from '../../../facts/store/state.ts';
import { appendAudit, insertFacts, upsertEntities, upsertMeasures, writeFactDetails } from './fact-sql.ts';
import { checkout, inTransaction } from './pool.ts';

/** The store's head: the seq of the last audit entry, and a counter bumped whenever entities change. */
export interface StoreHead {
  seq: number;
  entitiesVersion: number;
}

const toHead = (row: { seq: string; entities_version: string }): StoreHead => ({
  seq: Number(row.seq),
  entitiesVersion: Number(row.entities_version),
});

export async function readHead(client: pg.ClientBase | pg.Pool): Promise<StoreHead> {
  const rows = await client.query('SELECT seq, entities_version FROM store_head');
  return toHead(rows.rows[0]);
}

/** Takes the head's row lock for the rest of the transaction: writes of every process go one at a time. */
export async function lockHead(client: pg.ClientBase): Promise<StoreHead> {
  const rows = await client.query('UPDATE store_head SET touched_at = now() RETURNING seq, entities_version');
  return toHead(rows.rows[0]);
}

/** Every fact and entity as of one instant (one repeatable-read snapshot), with the head they belong to. */
export async function loadState(pool: pg.Pool): Promise<{ state: StoreState; head: StoreHead }> {
  const { client, release } = await checkout(pool);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const head = await readHead(client);
    const entities = await client.query<{ doc: Entity }>('SELECT doc FROM entities ORDER BY position');
    const facts = await client.query<{ doc: Fact }>('SELECT doc FROM facts ORDER BY position');
    const measures = await client.query<{ doc: Measure }>('SELECT doc FROM measures ORDER BY id');
    await client.query('COMMIT');
    release();
    const state = createState(
      facts.rows.map((row) => row.doc),
      entities.rows.map((row) => row.doc),
      head.seq,
      measures.rows.map((row) => Object.freeze(row.doc)),
    );
    return { state, head };
  } catch (error) {
    release(true);
    throw error;
  }
}

/**
 * Brings the embedded dataset into an empty database, each fact journaled as an `import` by `seed`, exactly as
 * the file store does. Under the head lock, so of two processes starting together only the first seeds.
 */
export async function seedIfEmpty(
  pool: pg.Pool,
  initial: () => { facts: Fact[]; entities: Entity[] },
  at: string,
): Promise<Result<string[]>> {
  return inTransaction(pool, async (client) => {
    const head = await lockHead(client);
    // A store made before the registry moved into the database gets the embedded one.
    const registry = await client.query('SELECT 1 FROM measures LIMIT 1');
    if (!registry.rowCount) await upsertMeasures(client, loadMeasures());
    if (head.seq > 0 || head.entitiesVersion > 0) return ok([]);
    const seeded = seedState(initial(), at);
    if (!seeded.ok) return fail(seeded.code, seeded.params, seeded.details);
    const { state, entries } = seeded.value;
    await client.query("SELECT set_config('briefing.importing', 'on', true)");
    await upsertEntities(client, [...state.entities.values()]);
    const facts = entries.map((entry) => entry.after);
    const last = entries.at(-1)?.seq ?? 0;
    await insertFacts(client, facts, last);
    await writeFactDetails(client, facts);
    await appendAudit(client, entries, crypto.randomUUID());
    await client.query('UPDATE store_head SET seq = $1, entities_version = 1', [last]);
    await client.query("SELECT pg_notify('briefing_facts', $1)", [String(last)]);
    return ok([]);
  });
}
