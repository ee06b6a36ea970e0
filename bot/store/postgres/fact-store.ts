import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { type Failure, fail, ok, type Result } from '../../../facts/result.ts';
import { ActorSchema, type AuditEntry, type Entity, type Fact } from '../../../facts/schema/index.ts';
import { planImport } from '../../../facts/store/import-data.ts';
import { sharedMethods } from '../../../facts/store/methods.ts';
import type { Change, ChangeContext } from '../../../facts/store/operations.ts';
import { describeIssues } from '../../../facts/store/problems.ts';
import { createSerialQueue } from '../../../facts/store/queue.ts';
import type { FactRepository, ImportCounts, StoreOptions } from '../../../facts/store/repository.ts';
import { applyEntry, freezeDeep, type StoreState } from '../../../facts/store/state.ts';
import { entriesAfter } from './fact-sql.ts';
import { loadState, readHead, type StoreHead, seedIfEmpty } from './fact-state.ts';
import { commitPlan, type Plan } from './fact-write.ts';
import { createHistoryReader } from './history-reader.ts';
import { isConnectionError } from './pool.ts';
import { watchChanges } from './watcher.ts';

/** What other processes changed, once applied here: the facts as they now are, and whether entities changed. */
export interface StoreChange {
  facts: Fact[];
  entitiesChanged: boolean;
}

/** The fact store on PostgreSQL: the repository, plus what keeps a process current with the others. */
export interface PostgresFactRepository extends Omit<FactRepository, 'history'> {
  history(id: string): Promise<AuditEntry[]>;
  /** Called after changes written by other processes are applied here (search index, caches). */
  onExternalChange(listener: (change: StoreChange) => void): () => void;
  /** Re-reads what changed since this process's watermark; resolves once it is current. */
  catchUp(): Promise<void>;
  /** The seq of the last audit entry applied here. */
  readonly watermark: number;
}

export interface PostgresStoreOptions extends StoreOptions {
  pool: pg.Pool;
  /** For the LISTEN connection, which is not pooled. */
  url: string;
  /** How often the head is read in case a notification was lost (2 s). */
  pollMs?: number;
  onError?: (error: Error) => void;
}

const RETRY_FOR_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the store on a migrated database, seeding it from `initial()` when it holds nothing yet (one process
 * does it; others starting at once wait for it and load the result). Reads come from memory; every write runs in a
 * transaction under the store's head row, re-reads what others committed, plans against that, and has the database
 * check each version (`UPDATE … WHERE version = n`). LISTEN/NOTIFY and a poll of the head keep the memory current.
 */
export async function openPostgresStore(
  initial: () => { facts: Fact[]; entities: Entity[] },
  options: PostgresStoreOptions,
): Promise<Result<{ store: PostgresFactRepository; warnings: string[] }>> {
  const { pool } = options;
  const clock = options.now ?? (() => new Date());
  const seeded = await seedIfEmpty(pool, initial, clock().toISOString());
  if (!seeded.ok) return seeded;
  const loaded = await loadState(pool);
  const state: StoreState = loaded.state;
  let entitiesVersion = loaded.head.entitiesVersion;
  const enqueue = createSerialQueue();
  const listeners = new Set<(change: StoreChange) => void>();
  const checks = options.checks ?? [];
  const readHistory = createHistoryReader(pool);
  let closed = false;

  /** Applies what others committed after the watermark; `head` is the head as just read (or locked). */
  const applyFrom = async (client: pg.ClientBase | pg.Pool, head: StoreHead, external: boolean) => {
    let entitiesChanged = false;
    if (head.entitiesVersion !== entitiesVersion) {
      const rows = await client.query<{ doc: Entity }>('SELECT doc FROM entities ORDER BY position');
      state.entities = new Map(rows.rows.map(({ doc }) => [doc.id, freezeDeep(doc)]));
      entitiesVersion = head.entitiesVersion;
      entitiesChanged = true;
    }
    if (head.seq <= state.seq && !entitiesChanged) return;
    const entries = head.seq > state.seq ? await entriesAfter(client, state.seq) : [];
    const changed = new Map<string, Fact>();
    for (const entry of entries) {
      applyEntry(state, entry);
      changed.set(entry.after.id, state.facts.get(entry.after.id)!);
    }
    if (external && (changed.size || entitiesChanged)) {
      const change = { facts: [...changed.values()], entitiesChanged };
      for (const listener of listeners) listener(change);
    }
  };

  const catchUp = () =>
    enqueue(async () => {
      if (closed) return;
      await applyFrom(pool, await readHead(pool), true);
    });
  const report = (error: unknown) =>
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  const syncSoon = () => void catchUp().catch(report);

  const watcher = watchChanges({
    url: options.url,
    channels: ['briefing_facts'],
    onNotify: syncSoon,
    onConnected: syncSoon,
    onPoll: syncSoon,
    pollMs: options.pollMs ?? 2000,
    onError: report,
  });

  /** One write: planned and committed in a transaction; after a lost connection, asks whether it committed. */
  const write = <T>(actor: string, note: string | undefined, plan: (c: ChangeContext) => Result<Plan<T>>) =>
    enqueue(async (): Promise<Result<T>> => {
      if (closed) return fail('storeClosed');
      const who = ActorSchema.safeParse(actor);
      if (!who.success) return fail('factInvalid', {}, describeIssues(who.error.issues, ['actor']));
      const writeId = randomUUID();
      const deadline = Date.now() + RETRY_FOR_MS;
      let pending: T | undefined;
      for (let attempt = 1; ; attempt++) {
        try {
          const outcome = await commitPlan(pool, {
            state,
            actor: who.data,
            note,
            at: clock().toISOString(),
            checks,
            fourEyes: options.fourEyes,
            writeId,
            plan,
            catchUp: (client, head) => applyFrom(client, head, true),
            onPlanned: (value) => {
              pending = value;
            },
          });
          if (outcome.ok && outcome.entitiesVersion !== undefined) entitiesVersion = outcome.entitiesVersion;
          return outcome.ok ? ok(outcome.value) : outcome;
        } catch (error) {
          if (!isConnectionError(error) || Date.now() > deadline) throw error;
          await sleep(Math.min(1000, 50 * attempt));
          // The COMMIT may have reached the server before the connection died: its entries say so.
          const committed = await wasCommitted(pool, writeId, deadline);
          if (committed && pending !== undefined) {
            await applyFrom(pool, await readHead(pool), false);
            return ok(pending);
          }
        }
      }
    });

  const change = (actor: string, note: string | undefined, planOne: (c: ChangeContext) => Result<Change>) =>
    write<Fact>(actor, note, (context) => {
      const planned = planOne(context);
      return planned.ok ? ok({ changes: [planned.value], result: (entries) => entries[0]!.after }) : planned;
    });
  /** An entity written with the next entity-table version; entities are not in the fact journal. */
  const saveEntity = (actor: string, planOne: (c: ChangeContext) => Result<Entity>) =>
    write<Entity>(actor, undefined, (context) => {
      const planned = planOne(context);
      if (!planned.ok) return planned;
      const entities = new Map(context.state.entities).set(planned.value.id, planned.value);
      return ok({ changes: [], entities, result: () => planned.value });
    });
  const store: PostgresFactRepository = {
    get watermark() {
      return state.seq;
    },
    ...sharedMethods(state, options.fourEyes, { change, saveEntity }),
    history: readHistory,
    importData: (data, actor) =>
      write<ImportCounts>(actor, undefined, (context) => {
        const planned = planImport(data, context);
        if (!planned.ok) return planned;
        const { changes, entities, counts } = planned.value;
        return ok({ changes, ...(entities ? { entities } : {}), result: () => counts });
      }),
    onExternalChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    catchUp,
    close: async () => {
      await enqueue(() => {
        closed = true;
      });
      await watcher.close();
    },
  };
  await watcher.ready;
  return ok({ store, warnings: seeded.value });
}

/** Whether a write's entries are in the log; waits (until `deadline`) for a server that is restarting. */
async function wasCommitted(pool: pg.Pool, writeId: string, deadline: number): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      const found = await pool.query('SELECT 1 FROM audit_log WHERE write_id = $1 LIMIT 1', [writeId]);
      return (found.rowCount ?? 0) > 0;
    } catch (error) {
      if (!isConnectionError(error) || Date.now() > deadline) throw error;
      await sleep(Math.min(1000, 100 * attempt));
    }
  }
}

export type { Failure };
