import type pg from 'pg';
import type { FactCheck } from '../../../facts/dataset.ts';
import { type Failure, fail, type Result } from '../../../facts/result.ts';
import type { AuditEntry, Entity } from '../../../facts/schema/index.ts';
import { buildEntries } from '../../../facts/store/audit-entry.ts';
import type { Change, ChangeContext } from '../../../facts/store/operations.ts';
import { applyEntry, freezeDeep, type StoreState } from '../../../facts/store/state.ts';
import {
  appendAudit,
  insertFacts,
  insertVerification,
  updateFacts,
  upsertEntities,
  writeFactDetails,
} from './fact-sql.ts';
import { lockHead, type StoreHead } from './fact-state.ts';
import { checkout } from './pool.ts';

/** What a write plans against the current state: its changes, the new entity table if any, and its result. */
export interface Plan<T> {
  changes: Change[];
  entities?: Map<string, Entity>;
  result: (entries: readonly AuditEntry[]) => T;
}

export interface WriteRequest<T> {
  state: StoreState;
  actor: string;
  note: string | undefined;
  at: string;
  checks: readonly FactCheck[];
  fourEyes: boolean;
  writeId: string;
  plan: (context: ChangeContext) => Result<Plan<T>>;
  /** Applies what others committed, inside this transaction, before planning. */
  catchUp: (client: pg.ClientBase, head: StoreHead) => Promise<void>;
  /** The result the write will have once committed (kept in case the commit's answer is lost). */
  onPlanned: (value: T) => void;
}

export type WriteOutcome<T> = { ok: true; value: T; entitiesVersion?: number } | Failure;

class Refused {
  constructor(readonly failure: Failure) {}
}

/**
 * One transaction: lock the head, catch up, plan, write with the database checking each version, append the
 * audit entries, notify, commit; then apply to memory. A refusal rolls everything back and writes nothing.
 */
export async function commitPlan<T>(pool: pg.Pool, request: WriteRequest<T>): Promise<WriteOutcome<T>> {
  const { state } = request;
  const { client, release } = await checkout(pool);
  let broken = false;
  try {
    await client.query('BEGIN');
    if (!request.fourEyes) await client.query("SELECT set_config('briefing.four_eyes', 'off', true)");
    const head = await lockHead(client);
    await request.catchUp(client, head);
    const planned = request.plan({ state, actor: request.actor, at: request.at, checks: request.checks });
    if (!planned.ok) throw new Refused(planned);
    const { changes, entities, result } = planned.value;
    const built = buildEntries(changes, {
      lastSeq: state.seq,
      at: request.at,
      actor: request.actor,
      ...(request.note ? { note: request.note } : {}),
    });
    if (!built.ok) throw new Refused(built);
    const entries = built.value;
    const value = result(entries);
    const entitiesVersion = entities ? head.entitiesVersion + 1 : undefined;
    if (!entries.length && !entities) {
      await client.query('ROLLBACK');
      return { ok: true, value };
    }
    request.onPlanned(value);
    await writeEntries(client, request, changes, entries, entities, entitiesVersion ?? head.entitiesVersion);
    await client.query('COMMIT');
    if (entities) state.entities = new Map([...entities].map(([id, entity]) => [id, freezeDeep(entity)]));
    for (const entry of entries) applyEntry(state, entry);
    return { ok: true, value, ...(entitiesVersion !== undefined ? { entitiesVersion } : {}) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    if (error instanceof Refused) return error.failure;
    const refused = refusalOf(error);
    if (refused) return refused;
    throw error;
  } finally {
    release(broken);
  }
}

async function writeEntries<T>(
  client: pg.ClientBase,
  request: WriteRequest<T>,
  changes: readonly Change[],
  entries: readonly AuditEntry[],
  entities: Map<string, Entity> | undefined,
  entitiesVersion: number,
): Promise<void> {
  const { state } = request;
  const last = entries.at(-1)?.seq ?? state.seq;
  if (entities || changes.some((change) => change.action === 'import'))
    await client.query("SELECT set_config('briefing.importing', 'on', true)");
  if (entities) {
    const same = (entity: Entity) => JSON.stringify(state.entities.get(entity.id)) === JSON.stringify(entity);
    await upsertEntities(
      client,
      [...entities.values()].filter((entity) => !same(entity)),
    );
  }
  const added = changes.filter((change) => !change.before).map((change) => change.after);
  const taken = await insertFacts(client, added, last);
  if (taken.length) throw new Refused(fail('factExists', { id: taken[0]! }));
  const updates = changes.flatMap((c) => (c.before ? [{ after: c.after, expected: c.before.version }] : []));
  const stale = await updateFacts(client, updates, last);
  if (stale.length) {
    const id = stale[0]!;
    const actual = await client.query<{ version: number }>('SELECT version FROM facts WHERE id = $1', [id]);
    const expected = updates.find((update) => update.after.id === id)!.expected;
    throw new Refused(fail('versionConflict', { id, expected, actual: actual.rows[0]?.version ?? 0 }));
  }
  await writeFactDetails(
    client,
    changes.map((change) => change.after),
  );
  for (const change of changes)
    if (change.action === 'verify') await insertVerification(client, change.after);
  await appendAudit(client, entries, request.writeId);
  await client.query('UPDATE store_head SET seq = $1, entities_version = $2', [last, entitiesVersion]);
  await client.query("SELECT pg_notify('briefing_facts', $1)", [String(last)]);
}

/** The database's own refusals, in the store's words: the two-moderator rule, a verification it lacks. */
function refusalOf(error: unknown): Failure | undefined {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  if (code !== '23514') return undefined;
  if (constraint === 'two_distinct_moderators') return fail('fourEyesRequired', {}, [message ?? '']);
  return fail('factInvalid', {}, [message ?? '']);
}
