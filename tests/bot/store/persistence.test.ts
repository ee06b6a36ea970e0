import { readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, storeFiles } from '../../../bot/store/index.ts';
import type { Failure } from '../../../facts/result.ts';
import { AuditEntrySchema, FactSchema } from '../../../facts/schema/index.ts';
import type { FactRepository, StoreOptions } from '../../../facts/store/index.ts';
import { makeDataset, makeNewFact, makeTempDir, steppingClock } from '../../facts/store/factory.ts';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

const open = async (options: Partial<StoreOptions> = {}, seed = makeDataset(3)) => {
  const opened = await openStore(dir, () => seed, { fourEyes: true, now: steppingClock(), ...options });
  if (!opened.ok) throw new Error(`${opened.code}: ${opened.details?.join('\n')}`);
  return opened.value;
};

const value = <T>(result: { ok: true; value: T } | Failure): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.code}`);
  return result.value;
};

async function writeSome(store: FactRepository): Promise<void> {
  const draft = value(await store.add(makeNewFact('deal'), 'alice'));
  const edited = value(await store.edit('deal', draft.version, { asOf: '2025-11-04' }, 'alice', 'date'));
  value(await store.verify('deal', edited.version, 'bruno'));
  value(await store.retire('seed-fact-3', 2, 'bruno', 'superseded'));
}

describe('the file store', () => {
  it('creates the folder and seeds the snapshot and the audit log on first run', async () => {
    const { store, warnings } = await open({}, makeDataset(3));
    expect(warnings).toEqual([]);
    expect(store.listFacts().map((fact) => fact.id)).toEqual(['seed-fact-1', 'seed-fact-2', 'seed-fact-3']);
    await store.close();
    const snapshot = JSON.parse(await readFile(storeFiles(dir).snapshot, 'utf8'));
    expect(snapshot).toMatchObject({ format: 1, auditSeq: 3 });
    expect(snapshot.facts.map((fact: unknown) => FactSchema.parse(fact).id)).toHaveLength(3);
    const lines = (await readFile(storeFiles(dir).log, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => AuditEntrySchema.parse(JSON.parse(line)).action)).toEqual([
      'import',
      'import',
      'import',
    ]);
  });

  it('does not seed again once the store exists', async () => {
    const first = await open({}, makeDataset(3));
    await first.store.close();
    const { store } = await open({}, makeDataset(5));
    expect(store.listFacts()).toHaveLength(3);
    await store.close();
  });

  it('holds every write after a reopen, history included', async () => {
    const first = await open();
    await writeSome(first.store);
    const exported = first.store.exportData();
    const history = first.store.history('deal');
    await first.store.close();
    const { store, warnings } = await open();
    expect(warnings).toEqual([]);
    expect(store.exportData()).toEqual(exported);
    expect(store.history('deal')).toEqual(history);
    expect(store.getFact('deal')).toMatchObject({ status: 'verified', version: 3 });
    await store.close();
  });

  it('replays the journal when the process stopped before writing a snapshot', async () => {
    const first = await open();
    const seeded = await readFile(storeFiles(dir).snapshot);
    await writeSome(first.store);
    const exported = first.store.exportData();
    await first.store.close();
    // As if the process had died before its last snapshot: the journal alone holds the writes.
    await writeFile(storeFiles(dir).snapshot, seeded);
    const { store } = await open();
    expect(store.exportData()).toEqual(exported);
    expect(store.history('deal').map((entry) => entry.action)).toEqual(['create', 'edit', 'verify']);
    await store.close();
  });

  it('refuses a second opening of the same files while the first is open', async () => {
    const first = await open();
    const second = await openStore(dir, () => makeDataset(3), { fourEyes: true });
    expect(second).toMatchObject({ ok: false, code: 'storeLocked', params: { file: storeFiles(dir).lock } });
    await first.store.close();
    const third = await open();
    await third.store.close();
  });

  it('refuses files locked by another running process, and takes over a lock its dead owner left', async () => {
    const lockBy = async (pid: number) => {
      await rm(storeFiles(dir).lock, { force: true });
      await symlink(`${pid}@${hostname()}#abc123`, storeFiles(dir).lock);
    };
    await lockBy(process.ppid);
    const refused = await openStore(dir, () => makeDataset(3), { fourEyes: true });
    expect(refused).toMatchObject({ ok: false, code: 'storeLocked', params: { pid: process.ppid } });
    await lockBy(999999999);
    const { store } = await open();
    expect(await readlink(storeFiles(dir).lock)).toMatch(new RegExp(`^${process.pid}@`));
    await store.close();
    await expect(readlink(storeFiles(dir).lock)).rejects.toThrow();
  });

  it('writes snapshots along the way and keeps appending to the same audit log', async () => {
    const { store } = await open({ compactEvery: 2 });
    await writeSome(store);
    await store.close();
    const snapshot = JSON.parse(await readFile(storeFiles(dir).snapshot, 'utf8'));
    expect(snapshot.auditSeq).toBe(7);
    const log = await readFile(storeFiles(dir).log, 'utf8');
    expect(
      log
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).seq),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Buffer.byteLength(log)).toBe(snapshot.auditBytes);
  });

  it('rebuilds a lost snapshot from the audit log, with a warning', async () => {
    const first = await open();
    await writeSome(first.store);
    const exported = first.store.exportData();
    await first.store.close();
    await rm(storeFiles(dir).snapshot);
    const { store, warnings } = await open({}, makeDataset(3));
    expect(warnings).toEqual([expect.stringContaining('rebuilt from 7 entries')]);
    expect(store.exportData()).toEqual(exported);
    await store.close();
  });

  it('finishes an import whose append was cut short, from its committed batch', async () => {
    const first = await open();
    const files = storeFiles(dir);
    const seededSnapshot = await readFile(files.snapshot);
    const batch = {
      facts: [1, 2, 3].map((i) => ({ ...makeDataset(1).facts[0]!, id: `imported-${i}` })),
      entities: [],
    };
    value(await first.store.importData(batch, 'carla'));
    const exported = first.store.exportData();
    await first.store.close();
    // Simulate a crash after the batch was committed, while its lines were appended, before any new snapshot.
    await writeFile(files.snapshot, seededSnapshot);
    const log = await readFile(files.log, 'utf8');
    const lines = log.trimEnd().split('\n');
    await writeFile(files.batch, `${lines.slice(3).join('\n')}\n`);
    await writeFile(files.log, `${lines.slice(0, 4).join('\n')}\n${lines[4]!.slice(0, 30)}`);
    const { store, warnings } = await open();
    expect(warnings).toEqual([expect.stringContaining('finished an interrupted write of 3 entries')]);
    expect(store.exportData()).toEqual(exported);
    expect(await readFile(files.log, 'utf8')).toBe(log);
    await store.close();
  });
});
