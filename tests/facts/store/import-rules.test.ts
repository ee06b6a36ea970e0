import { describe, expect, it } from 'vitest';
import type { Failure } from '../../../facts/result.ts';
import { openMemoryStore } from '../../../facts/store/index.ts';
import { makeDataset, makeEntity, makeFact, steppingClock } from './factory.ts';

const open = () => openMemoryStore(() => makeDataset(2), { fourEyes: true, now: steppingClock() });

describe('importing keeps the rules of every other write', () => {
  it('imports a fact the file calls verified by someone else as a draft by the importer, unverified', async () => {
    const store = open();
    const forged = makeFact('forged-figure', {
      status: 'verified',
      verifiedBy: 'bruno',
      version: 7,
      createdBy: 'bruno',
    });
    expect(await store.importData({ facts: [forged], entities: [] }, 'carla')).toMatchObject({ ok: true });
    const stored = store.getFact('forged-figure')!;
    expect(stored).toMatchObject({ status: 'draft', version: 1, createdBy: 'carla', updatedBy: 'carla' });
    expect(stored.verifiedBy).toBeUndefined();
    expect(store.history('forged-figure')).toEqual([
      expect.objectContaining({ actor: 'carla', action: 'import' }),
    ]);
  });

  it('turns a changed verified fact into a version-checked edit that goes back to draft and is not served', async () => {
    const store = open();
    const [first] = store.exportData().facts;
    const changed = {
      ...first!,
      values: [{ ...first!.values[0]!, value: 8.1e9 }],
      text: { fr: 'Contrat de {amount}.', en: 'A {amount} deal.' },
    };
    expect(await store.importData({ facts: [changed], entities: [] }, 'carla')).toMatchObject({
      ok: true,
      value: { updated: 1 },
    });
    const stored = store.getFact(first!.id)!;
    expect(stored).toMatchObject({
      status: 'draft',
      version: first!.version + 1,
      updatedBy: 'carla',
      createdBy: first!.createdBy,
    });
    expect(stored.verifiedBy).toBeUndefined();
    expect(store.listFacts({ status: 'verified' }).map((fact) => fact.id)).not.toContain(first!.id);
  });

  it('refuses an edit made from an older version, naming the line and both versions', async () => {
    const store = open();
    const [first] = store.exportData().facts;
    const stale = { ...first!, version: first!.version - 1, asOf: '2025-12-01' };
    const result = (await store.importData({ facts: [stale], entities: [] }, 'carla')) as Failure;
    expect(result.code).toBe('importInvalid');
    expect(result.details).toEqual([
      {
        path: ['facts', 0, 'version'],
        code: 'importStaleVersion',
        params: { made: first!.version - 1, stored: first!.version },
      },
    ]);
    expect(store.getFact(first!.id)).toEqual(first);
  });

  it('leaves verifying an import to another moderator', async () => {
    const store = open();
    await store.importData({ facts: [makeFact('new-deal')], entities: [] }, 'carla');
    expect(await store.verify('new-deal', 1, 'carla')).toMatchObject({ ok: false, code: 'fourEyesRequired' });
    expect(await store.verify('new-deal', 1, 'bruno')).toMatchObject({
      ok: true,
      value: { status: 'verified', verifiedBy: 'bruno' },
    });
  });

  it('brings entities in as draft entities by the importer, whatever status the file gives them', async () => {
    const store = open();
    const entity = {
      ...makeEntity('core-scientific'),
      status: 'verified',
      trail: [{ at: '2025-01-01T00:00:00.000Z', actor: 'bruno', action: 'verify' }],
    };
    expect(await store.importData({ facts: [], entities: [entity] }, 'carla')).toMatchObject({ ok: true });
    const stored = store.listEntities().find((item) => item.id === 'core-scientific');
    expect(stored).toMatchObject({
      status: 'draft',
      trail: [expect.objectContaining({ actor: 'carla', action: 'create' })],
    });
    expect(await store.verifyEntity('core-scientific', 'carla')).toMatchObject({
      ok: false,
      code: 'fourEyesRequired',
    });
    expect(await store.verifyEntity('core-scientific', 'bruno')).toMatchObject({
      ok: true,
      value: { status: 'verified' },
    });
  });

  it('still loads the embedded seed verified, through the store’s own first run', async () => {
    const store = open();
    for (const fact of store.listFacts())
      expect(fact).toMatchObject({ status: 'verified', verifiedBy: 'bruno' });
    expect(store.history(store.listFacts()[0]!.id)).toEqual([
      expect.objectContaining({ actor: 'seed', action: 'import' }),
    ]);
  });
});
