import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestLog } from '../../../bot/digest/digest-log.ts';
import { openSettingsStore } from '../../../bot/settings-store.ts';
import { openStore, storeFiles } from '../../../bot/store/index.ts';
import { CommandError } from '../../../commands/index.ts';
import { makeDataset, makeFact, makeNewFact, makeTempDir } from '../../facts/store/factory.ts';
import { fullDisk } from './full-disk-fs.ts';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

const options = { fourEyes: false };
const openOn = async (disk = fullDisk(Number.POSITIVE_INFINITY)) => {
  const opened = await openStore(dir, () => makeDataset(3), options, disk);
  if (!opened.ok) throw new Error(`${opened.code}: ${opened.details?.join('\n')}`);
  return opened.value.store;
};

describe('the fact store on a full disk', () => {
  it('refuses a write the disk cuts short with diskFull, keeps nothing of it, and takes writes again once there is room', async () => {
    const disk = fullDisk(Number.POSITIVE_INFINITY);
    const store = await openOn(disk);
    const before = await readFile(storeFiles(dir).log);
    disk.room = 40; // a journal line is a few hundred bytes: this one is cut short
    const refused = await store.retire('seed-fact-1', 2, 'alice', 'superseded');
    expect(refused).toMatchObject({ ok: false, code: 'diskFull', params: { file: storeFiles(dir).log } });
    expect(store.getFact('seed-fact-1')?.status).toBe('verified');
    expect(await readFile(storeFiles(dir).log)).toEqual(before);
    disk.room = Number.POSITIVE_INFINITY;
    expect(await store.retire('seed-fact-1', 2, 'alice', 'superseded')).toMatchObject({ ok: true });
    await store.close();

    const reopened = await openOn();
    expect(reopened.getFact('seed-fact-1')).toMatchObject({ status: 'retired', version: 3 });
    expect(reopened.history('seed-fact-1').map((entry) => entry.action)).toEqual(['import', 'retire']);
    await reopened.close();
  });

  it('refuses a whole import (a batch) that does not fit, and leaves no batch file behind to replay', async () => {
    const disk = fullDisk(Number.POSITIVE_INFINITY);
    const store = await openOn(disk);
    disk.room = 1500;
    const facts = ['a', 'b', 'c', 'd'].map((id) => makeFact(`batch-${id}`));
    expect(await store.importData({ facts, entities: [] }, 'importer')).toMatchObject({ code: 'diskFull' });
    disk.room = Number.POSITIVE_INFINITY;
    await store.close();
    const reopened = await openOn();
    expect(reopened.getFact('batch-a')).toBeUndefined();
    await reopened.close();
  });

  it('opens, reads and closes on a disk with no room at all: a snapshot that cannot be saved is no loss', async () => {
    const store = await openOn();
    expect((await store.add(makeNewFact('deal'), 'alice')).ok).toBe(true);
    await store.close(); // one unsaved write: the next close would like to save a snapshot
    const disk = fullDisk(0);
    const full = await openOn(disk);
    expect(full.getFact('deal')).toBeDefined();
    expect(full.listFacts().length).toBe(4);
    expect(await full.add(makeNewFact('other'), 'alice')).toMatchObject({ ok: false, code: 'diskFull' });
    await expect(full.close()).resolves.toBeUndefined();
    const again = await openOn();
    expect(again.getFact('deal')).toBeDefined();
    expect(again.getFact('other')).toBeUndefined();
    await again.close();
  });

  it('says diskFull, not a stack trace, when a first run cannot even write the seed', async () => {
    const opened = await openStore(dir, () => makeDataset(3), options, fullDisk(100));
    expect(opened).toMatchObject({ ok: false, code: 'diskFull' });
    const later = await openOn();
    expect(later.listFacts().length).toBe(3);
    await later.close();
  });

  it('drops a journal line a crash left half-written, and opens', async () => {
    const store = await openOn();
    await store.close();
    const log = storeFiles(dir).log;
    await writeFile(log, `${await readFile(log, 'utf8')}{"seq":4,"at":"2025-11-04T`);
    const reopened = await openStore(dir, () => makeDataset(3), options);
    expect(reopened.ok && reopened.value.warnings.join()).toMatch(/dropped an unfinished last line/);
    if (reopened.ok) await reopened.value.store.close();
  });
});

describe('settings and digests on a full disk', () => {
  it('refuses a settings change with diskFull and leaves settings.json as it was', async () => {
    const disk = fullDisk(Number.POSITIVE_INFINITY);
    const opened = await openSettingsStore(dir, disk);
    if (!opened.ok) throw new Error(opened.code);
    await opened.value.setUserLang('123456789012345678', 'fr');
    const before = await readFile(opened.value.file, 'utf8');
    disk.room = 10;
    const refused = await opened.value.setUserLang('123456789012345679', 'en').catch((error) => error);
    expect(refused).toBeInstanceOf(CommandError);
    expect(refused).toMatchObject({ code: 'diskFull' });
    expect(await readFile(opened.value.file, 'utf8')).toBe(before);
    expect(opened.value.getUserLang('123456789012345679')).toBe('auto');
    await opened.value.close();
  });

  it('refuses a digest record the disk cannot hold and leaves digests.json as it was', async () => {
    const disk = fullDisk(Number.POSITIVE_INFINITY);
    const opened = await DigestLog.open(dir, disk);
    if (!opened.ok) throw new Error(opened.code);
    const owner = { id: 'a', pid: process.pid, host: 'here' };
    const request = [{ guildId: '111111111111111111', localDate: '2025-11-04' }];
    await opened.value.claim(request, owner, new Date('2025-11-04T07:00:00Z'), 60_000);
    const before = await readFile(opened.value.file, 'utf8');
    disk.room = 10;
    const other = [{ guildId: '111111111111111112', localDate: '2025-11-04' }];
    await expect(
      opened.value.claim(other, owner, new Date('2025-11-04T07:00:00Z'), 60_000),
    ).rejects.toMatchObject({
      code: 'diskFull',
    });
    expect(await readFile(opened.value.file, 'utf8')).toBe(before);
    await opened.value.close();
  });
});
