import { problemsOfIssues } from '../problem.ts';
import { fail, ok, type Result } from '../result.ts';
import { ActorSchema, type AuditEntry, type Entity, type Fact } from '../schema/index.ts';
import { buildEntries } from './audit-entry.ts';
import { planImport } from './import-data.ts';
import { sharedMethods } from './methods.ts';
import type { Change, ChangeContext } from './operations.ts';
import { createSerialQueue } from './queue.ts';
import type { ImportCounts, LocalFactRepository, StoreOptions } from './repository.ts';
import { applyEntry, freezeDeep, type StoreState } from './state.ts';

/**
 * Where a store keeps what it acknowledges: its files, a database, or nothing (memory). A backend resolves a
 * failure (`diskFull`…) for a write it could not make durable and after which it stays valid; it throws only on
 * what it cannot account for.
 */
export interface StoreBackend {
  /** Resolves ok once the entries are durable: an acknowledged write survives a crash. Several land all or none. */
  append(entries: readonly AuditEntry[]): Promise<Result<void>>;
  history(id: string): AuditEntry[];
  /** Takes a consistent copy of the state now (called inside the write queue); the returned function saves it. */
  capture(state: StoreState): () => Promise<Result<void>>;
  close(): Promise<void>;
}

/** The repository over a state and a backend: reads from memory, writes one at a time through the journal. */
export function createRepository(
  state: StoreState,
  backend: StoreBackend,
  options: StoreOptions,
  unsaved = 0,
): LocalFactRepository {
  const enqueue = createSerialQueue();
  const clock = options.now ?? (() => new Date());
  const checks = options.checks ?? [];
  const compactEvery = options.compactEvery ?? 1000;
  let closed = false;
  let compacting = false;
  let compaction: Promise<void> = Promise.resolve();

  // Snapshots are taken in the background so a write never waits for a whole-file rewrite.
  const compactSoon = () => {
    if (compacting || closed) return;
    compacting = true;
    compaction = compaction
      .then(() => enqueue(() => takeSnapshot()))
      .then((save) => save())
      // The journal still holds every write; the next snapshot will try again.
      .then(
        () => undefined,
        () => undefined,
      );
  };
  const takeSnapshot = () => {
    compacting = false;
    unsaved = 0;
    return backend.capture(state);
  };

  const prepare = (changes: readonly Change[], actor: string, at: string, note?: string) =>
    buildEntries(changes, { lastSeq: state.seq, at, actor, note });

  /** Journals, then applies: a write the backend refuses changes nothing in memory either. */
  const commit = async (entries: readonly AuditEntry[]): Promise<Result<void>> => {
    if (!entries.length) return ok(undefined);
    const appended = await backend.append(entries);
    if (!appended.ok) return appended;
    for (const entry of entries) applyEntry(state, entry);
    unsaved += entries.length;
    if (unsaved >= compactEvery) compactSoon();
    return appended;
  };

  /** Runs one write in the queue: checks the actor, plans against the current state, journals, applies. */
  const write = <T>(actor: string, run: (context: ChangeContext) => Promise<Result<T>> | Result<T>) =>
    enqueue(async (): Promise<Result<T>> => {
      if (closed) return fail('storeClosed');
      const who = ActorSchema.safeParse(actor);
      if (!who.success) return fail('actorInvalid', { actor }, problemsOfIssues(who.error.issues, ['actor']));
      return run({ state, actor: who.data, at: clock().toISOString(), checks });
    });

  const change = (
    actor: string,
    note: string | undefined,
    plan: (context: ChangeContext) => Result<Change>,
  ) =>
    write(actor, async (context): Promise<Result<Fact>> => {
      const planned = plan(context);
      if (!planned.ok) return planned;
      const entries = prepare([planned.value], context.actor, context.at, note);
      if (!entries.ok) return entries;
      const committed = await commit(entries.value);
      return committed.ok ? ok(entries.value[0]!.after) : committed;
    });

  /**
   * Entity writes reach the snapshot before they are acknowledged, as an import's entities do: entities are not in
   * the fact journal, and each one carries its own trail of who changed what.
   */
  const saveEntity = (actor: string, plan: (context: ChangeContext) => Result<Entity>) =>
    write(actor, async (context): Promise<Result<Entity>> => {
      const planned = plan(context);
      if (!planned.ok) return planned;
      const entities = new Map(state.entities).set(planned.value.id, freezeDeep(planned.value));
      const saved = await backend.capture({ ...state, entities })();
      if (!saved.ok) return saved;
      state.entities = entities;
      return ok(planned.value);
    });

  return {
    ...sharedMethods(state, options.fourEyes, { change, saveEntity }),
    history: (id) => backend.history(id),

    importData: (data, actor) =>
      write(actor, async (context): Promise<Result<ImportCounts>> => {
        const plan = planImport(data, context);
        if (!plan.ok) return plan;
        const { entities, changes, counts } = plan.value;
        const entries = prepare(changes, context.actor, context.at);
        if (!entries.ok) return entries;
        // Entities are not journaled: they reach the snapshot first, so no journaled fact names a missing one.
        if (entities) {
          const saved = await backend.capture({ ...state, entities })();
          if (!saved.ok) return saved;
          state.entities = new Map([...entities].map(([id, entity]) => [id, freezeDeep(entity)]));
        }
        const committed = await commit(entries.value);
        return committed.ok ? ok(counts) : committed;
      }),

    close: async () => {
      const save = await enqueue(() => {
        if (closed) return 'closed';
        closed = true;
        return unsaved > 0 ? backend.capture(state) : undefined;
      });
      if (save === 'closed') return;
      await compaction;
      // A last snapshot the disk refuses is no loss: the journal holds every write, and the next start replays it.
      await save?.().catch(() => undefined);
      await backend.close();
    },
  };
}
