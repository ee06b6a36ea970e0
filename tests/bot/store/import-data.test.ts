import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, storeFiles } from '../../../bot/store/index.ts';
import type { Failure } from '../../../facts/result.ts';
import type { Fact } from '../../../facts/schema/index.ts';
import { makeDataset, makeEntity, makeFact, makeTempDir, steppingClock } from '../../facts/store/factory.ts';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

const open = async () => {
  const opened = await openStore(dir, () => makeDataset(2), { fourEyes: true, now: steppingClock() });
  if (!opened.ok) throw new Error(opened.code);
  return opened.value.store;
};

const fifty = (): Fact[] => Array.from({ length: 50 }, (_, i) => makeFact(`imported-${i + 1}`));
const filesOf = async () => [await readFile(storeFiles(dir).snapshot), await readFile(storeFiles(dir).log)];

describe('importing a dataset', () => {
  it('writes nothing when one fact in fifty is invalid, and names the problem', async () => {
    const store = await open();
    const before = await filesOf();
    const facts = fifty();
    facts[36] = { ...facts[36]!, asOf: '2025-13-01' };
    const result = await store.importData({ facts, entities: [] }, 'carla');
    expect(result).toMatchObject({ ok: false, code: 'importInvalid', params: { count: 1 } });
    expect((result as Failure).details).toEqual([expect.objectContaining({ path: ['facts', 36, 'asOf'] })]);
    expect(store.listFacts()).toHaveLength(2);
    await store.close();
    expect(await filesOf()).toEqual(before);
  });

  it('lists every problem of every fact, schema, references and duplicates alike', async () => {
    const store = await open();
    const facts = fifty();
    facts[3] = { ...facts[3]!, version: 0, text: { fr: '', en: 'x' } };
    facts[10] = { ...facts[10]!, entities: ['ghost-company'] };
    facts[20] = { ...facts[20]!, id: 'imported-1' };
    const result = (await store.importData({ facts, entities: [] }, 'carla')) as Failure;
    expect(result.code).toBe('importInvalid');
    expect(result.details?.map((detail) => typeof detail !== 'string' && detail.path.join('.'))).toEqual([
      'facts.3.text.fr',
      'facts.3.version',
      'facts.20.id',
      'facts.10.entities.0',
    ]);
    expect(result.params?.count).toBe(4);
    expect(store.listFacts()).toHaveLength(2);
    await store.close();
  });

  it('refuses data that is not a dataset at all', async () => {
    const store = await open();
    expect(await store.importData([1, 2], 'carla')).toMatchObject({ code: 'importInvalid' });
    expect(await store.importData({ facts: 'none' }, 'carla')).toMatchObject({ code: 'importInvalid' });
    await store.close();
  });

  it('adds fifty facts at once, each journaled as an import by its actor, and keeps them on reopen', async () => {
    const store = await open();
    expect(await store.importData({ facts: fifty(), entities: [] }, 'carla')).toEqual({
      ok: true,
      value: { added: 50, updated: 0, unchanged: 0 },
    });
    await store.close();
    const reopened = await open();
    expect(reopened.listFacts()).toHaveLength(52);
    expect(reopened.history('imported-50')).toEqual([
      expect.objectContaining({ action: 'import', actor: 'carla', before: null, seq: 52 }),
    ]);
    await reopened.close();
  });

  it('updates changed facts with a new version, skips identical ones and refuses retired ones', async () => {
    const store = await open();
    const [first, second] = store.exportData().facts;
    const changed = { ...first!, asOf: '2025-12-01' };
    expect(await store.importData({ facts: [changed, second], entities: [] }, 'carla')).toEqual({
      ok: true,
      value: { added: 0, updated: 1, unchanged: 1 },
    });
    expect(store.getFact(first!.id)).toMatchObject({ asOf: '2025-12-01', version: first!.version + 1 });
    await store.retire(second!.id, second!.version, 'bruno', 'gone');
    const again = await store.importData(
      { facts: [{ ...second!, asOf: '2025-12-02' }], entities: [] },
      'carla',
    );
    expect((again as Failure).details).toEqual([
      { path: ['facts', 0, 'id'], code: 'retiredFact', params: { id: second!.id } },
    ]);
    await store.close();
  });

  it('brings in new entities with the facts that name them, across a reopen', async () => {
    const store = await open();
    const fact = makeFact('core-scientific-deal', {}, 'core-scientific');
    const result = await store.importData(
      { facts: [fact], entities: [makeEntity('core-scientific')] },
      'carla',
    );
    expect(result.ok).toBe(true);
    await store.close();
    const reopened = await open();
    expect(reopened.listEntities().map((entity) => entity.id)).toContain('core-scientific');
    expect(reopened.getFact('core-scientific-deal')?.entities).toEqual(['core-scientific']);
    await reopened.close();
  });
});
