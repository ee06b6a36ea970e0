import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Failure, fail, ok, type Result } from '../../../facts/result.ts';
import type { Entity, Fact } from '../../../facts/schema/index.ts';
import { createRepository, type StoreBackend } from '../../../facts/store/core.ts';
import type { FactRepository, StoreOptions } from '../../../facts/store/repository.ts';
import { seedState } from '../../../facts/store/seed.ts';
import { applyEntry, createState, missingEntities, type StoreState } from '../../../facts/store/state.ts';
import { LOCK_FILE, lockDataFolder } from '../data-lock.ts';
import { openAuditLog } from './audit-log.ts';
import { readSnapshot, writeSnapshot } from './snapshot-file.ts';
import { diskFullOf, type FileSystem, nodeFileSystem } from './storage.ts';

/** The files of a store in its data folder. */
export const storeFiles = (dir: string) => ({
  snapshot: join(dir, 'facts.json'),
  log: join(dir, 'audit.jsonl'),
  batch: join(dir, 'audit.batch.jsonl'),
  lock: join(dir, LOCK_FILE),
});

/**
 * Opens the store in `dir` (created if missing): the snapshot `facts.json`, then the entries of `audit.jsonl`
 * written after it. On first run the snapshot is made from `initial()`, each fact journaled as a `seed` import.
 * A corrupt or invalid file fails with `storeCorrupt` (file, line, path, what was expected) and is left untouched;
 * repairs of writes that were never acknowledged come back as warnings.
 */
export async function openStore(
  dir: string,
  initial: () => { facts: Fact[]; entities: Entity[] },
  options: StoreOptions,
  fs: FileSystem = nodeFileSystem,
): Promise<Result<{ store: FactRepository; warnings: string[] }>> {
  await mkdir(dir, { recursive: true });
  const files = storeFiles(dir);
  // The data folder's lock keeps other processes out; this set keeps a second store of this process off the journal.
  if (open.has(files.log)) return fail('storeLocked', { file: files.lock, pid: process.pid });
  const lock = await lockDataFolder(dir, fs);
  if (!lock.ok) return lock;
  open.add(files.log);
  const unlock = async () => {
    open.delete(files.log);
    await lock.value();
  };
  const opened = await openFiles(files, initial, options, fs).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  if (!opened.ok) await unlock();
  return opened.ok ? ok({ ...opened.value, store: releasing(opened.value.store, unlock) }) : opened;
}

/** Journals this process has open. */
const open = new Set<string>();

/** The store, whose close also gives up the lock. */
const releasing = (store: FactRepository, unlock: () => Promise<void>): FactRepository => ({
  ...store,
  close: async () => {
    await store.close();
    await unlock();
  },
});

async function openFiles(
  files: ReturnType<typeof storeFiles>,
  initial: () => { facts: Fact[]; entities: Entity[] },
  options: StoreOptions,
  fs: FileSystem,
): Promise<Result<{ store: FactRepository; warnings: string[] }>> {
  const snapshot = await readSnapshot(files.snapshot);
  if (!snapshot.ok) return snapshot;
  const from = { seq: snapshot.value?.auditSeq ?? 0, bytes: snapshot.value?.auditBytes ?? 0 };
  const opened = await openAuditLog(fs, files, from);
  if (!opened.ok) return opened;
  const { log, tail, warnings } = opened.value;

  let saves = Promise.resolve();
  const backend: StoreBackend = {
    append: (entries) => log.append(entries),
    history: (id) => log.history(id),
    capture: (state) => {
      if (state.seq !== log.seq) throw new Error(`snapshot at seq ${state.seq} but the log is at ${log.seq}`);
      const data = { auditSeq: state.seq, auditBytes: log.bytes, ...listsOf(state) };
      // Saves run in the order they were captured, so an older snapshot never replaces a newer one.
      const saved = saves
        .then(() => writeSnapshot(fs, files.snapshot, data))
        .then(
          () => ok(undefined),
          (error: unknown) => {
            const full = diskFullOf(error, files.snapshot);
            if (!full) throw error;
            return fail('diskFull', { file: full.file, reason: full.reason });
          },
        );
      saves = saved.then(
        () => undefined,
        () => undefined,
      );
      return () => saved;
    },
    close: () => log.close(),
  };

  let state: StoreState;
  if (snapshot.value)
    state = createState(snapshot.value.facts, snapshot.value.entities, snapshot.value.auditSeq);
  else {
    const seeded = seedState(initial(), (options.now?.() ?? new Date()).toISOString());
    if (!seeded.ok) return closing(log, seeded);
    state = seeded.value.state;
    // A log without a snapshot is a first run cut short, or a lost snapshot: the log alone rebuilds the facts.
    if (tail.length)
      warnings.push(`${files.snapshot}: missing, rebuilt from ${tail.length} entries of ${files.log}`);
    else {
      const seededLog = await log.append(seeded.value.entries);
      if (!seededLog.ok) return closing(log, seededLog);
      tail.push(...seeded.value.entries);
    }
  }
  for (const entry of tail) applyEntry(state, entry);
  const missing = missingEntities(state);
  if (missing.length) return closing(log, fail('storeCorrupt', { file: files.log }, missing.slice(0, 20)));
  // Without room for the first snapshot the journal still holds everything: the next start rebuilds from it.
  if (!snapshot.value) {
    const saved = await backend.capture(state)();
    if (!saved.ok)
      warnings.push(`${files.snapshot}: not written (${saved.params?.reason}), the journal holds it all`);
  }
  return ok({ store: createRepository(state, backend, options, snapshot.value ? tail.length : 0), warnings });
}

const listsOf = (state: StoreState) => ({
  entities: [...state.entities.values()],
  facts: [...state.facts.values()],
});

async function closing(log: { close(): Promise<void> }, failure: Failure): Promise<Failure> {
  await log.close();
  return failure;
}
