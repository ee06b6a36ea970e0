import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, storeFiles } from '../../../bot/store/index.ts';
import type { Failure } from '../../../facts/result.ts';
import { makeDataset, makeNewFact, makeTempDir, steppingClock } from '../../facts/store/factory.ts';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

const open = () => openStore(dir, () => makeDataset(3), { fourEyes: true, now: steppingClock() });

/** A store whose snapshot holds the seed (seq 3) and whose journal holds two more entries (seq 4 and 5). */
async function storeWithJournal() {
  const opened = await open();
  if (!opened.ok) throw new Error(opened.code);
  const files = storeFiles(dir);
  const seeded = await readFile(files.snapshot);
  const { store } = opened.value;
  await store.add(makeNewFact('deal'), 'alice');
  await store.edit('deal', 1, { asOf: '2025-11-04' }, 'alice');
  await store.close();
  await writeFile(files.snapshot, seeded);
  return files;
}

const bytesOf = async (files: ReturnType<typeof storeFiles>) => [
  await readFile(files.snapshot),
  await readFile(files.log),
];

const refusal = async () => {
  const opened = await open();
  expect(opened.ok).toBe(false);
  return opened as Failure;
};

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('a corrupt or invalid store', () => {
  it('is refused when the snapshot is cut short, naming file, line and what was expected, and left untouched', async () => {
    const files = await storeWithJournal();
    const text = await readFile(files.snapshot, 'utf8');
    const cut = text.slice(0, text.indexOf('"seed-fact-2"') + 20);
    await writeFile(files.snapshot, cut);
    const before = await bytesOf(files);
    const failure = await refusal();
    expect(failure).toMatchObject({ code: 'storeCorrupt', params: { file: files.snapshot } });
    const line = cut.split('\n').length;
    expect(failure.details?.[0]).toMatch(
      new RegExp(`^${files.snapshot}:${line}:\\d+: invalid JSON, expected .+`),
    );
    expect(await bytesOf(files)).toEqual(before);
  });

  it('is refused when a value has the wrong type, naming the path and its line', async () => {
    const files = await storeWithJournal();
    const text = await readFile(files.snapshot, 'utf8');
    const broken = text.replace('"id":"seed-fact-2","kind":"figure"', '"id":"seed-fact-2","kind":"rumour"');
    await writeFile(files.snapshot, broken);
    const before = await bytesOf(files);
    const failure = await refusal();
    const line = lineOf(broken, '"seed-fact-2"');
    expect(failure.details).toEqual([
      expect.stringMatching(new RegExp(`^${files.snapshot}:${line}:\\d+ facts\\.1\\.kind: `)),
    ]);
    expect(failure.details?.[0]).toContain('"figure"');
    expect(await bytesOf(files)).toEqual(before);
  });

  it('is refused when two facts share an id', async () => {
    const files = await storeWithJournal();
    const text = await readFile(files.snapshot, 'utf8');
    await writeFile(files.snapshot, text.replace('"id":"seed-fact-3"', '"id":"seed-fact-1"'));
    expect((await refusal()).details?.[0]).toMatch(/facts\.2\.id: duplicate id "seed-fact-1"/);
  });

  it('is refused when a journal line is not a valid audit entry, naming its line', async () => {
    const files = await storeWithJournal();
    const lines = (await readFile(files.log, 'utf8')).split('\n');
    lines[3] = lines[3]!.replace('"action":"create"', '"action":"delete"');
    await writeFile(files.log, lines.join('\n'));
    const before = await bytesOf(files);
    const failure = await refusal();
    expect(failure).toMatchObject({ code: 'storeCorrupt', params: { file: files.log } });
    expect(failure.details).toEqual([expect.stringMatching(new RegExp(`^${files.log}:4 action: `))]);
    expect(await bytesOf(files)).toEqual(before);
  });

  it('is refused when a journal line that is not the last one is cut', async () => {
    const files = await storeWithJournal();
    const lines = (await readFile(files.log, 'utf8')).split('\n');
    lines[3] = lines[3]!.slice(0, 40);
    await writeFile(files.log, lines.join('\n'));
    const before = await bytesOf(files);
    expect((await refusal()).details).toEqual([
      expect.stringMatching(new RegExp(`^${files.log}:4:\\d+: invalid JSON`)),
    ]);
    expect(await bytesOf(files)).toEqual(before);
  });

  it('is refused when entries skip a seq', async () => {
    const files = await storeWithJournal();
    const lines = (await readFile(files.log, 'utf8')).split('\n');
    lines.splice(3, 1);
    await writeFile(files.log, lines.join('\n'));
    expect((await refusal()).details).toEqual([`${files.log}:4 seq: expected 4, found 5`]);
  });

  it('is refused when the journal lost entries the snapshot already holds', async () => {
    const opened = await open();
    if (!opened.ok) throw new Error(opened.code);
    await opened.value.store.close();
    const files = storeFiles(dir);
    await writeFile(files.log, '');
    expect(await refusal()).toMatchObject({ code: 'storeCorrupt', params: { file: files.log } });
    await rm(files.log);
    expect(await refusal()).toMatchObject({ code: 'storeCorrupt', params: { file: files.log } });
    await expect(stat(files.log)).rejects.toThrow();
  });

  it('drops an unfinished last journal line with a warning: a write that was never acknowledged', async () => {
    const files = await storeWithJournal();
    const { size } = await stat(files.log);
    await appendFile(files.log, '{"seq":6,"at":"2025-11-04T08:00:');
    const opened = await open();
    if (!opened.ok) throw new Error(opened.code);
    expect(opened.value.warnings).toEqual([expect.stringContaining('dropped an unfinished last line')]);
    expect(opened.value.store.getFact('deal')).toMatchObject({ version: 2, asOf: '2025-11-04' });
    expect((await stat(files.log)).size).toBe(size);
    const edited = await opened.value.store.edit('deal', 2, { asOf: '2025-11-05' }, 'alice');
    expect(edited.ok).toBe(true);
    await opened.value.store.close();
  });
});
