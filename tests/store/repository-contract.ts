import { afterEach, describe, expect, it } from 'vitest';
import type { Failure } from '../../facts/result.ts';
import type { AuditEntry, Entity, Fact } from '../../facts/schema/index.ts';
import type { FactRepository, StoreOptions } from '../../facts/store/index.ts';
import { makeDataset, makeEntity, makeFact, makeNewFact, steppingClock } from '../facts/store/factory.ts';

/** A repository of either backend: the PostgreSQL one reads history asynchronously. */
export type AnyRepository = Omit<FactRepository, 'history'> & {
  history(id: string): AuditEntry[] | Promise<AuditEntry[]>;
};

export interface OpenedBackend {
  store: AnyRepository;
  /** Closes this store and opens the same data again, as a restarted process would. */
  reopen(options?: Partial<StoreOptions>): Promise<AnyRepository>;
  /** Closes every store it opened and removes the data. */
  cleanup(): Promise<void>;
}

/** How a backend opens a fresh store on `dataset` (its first run). */
export type OpenBackend = (
  dataset: { facts: Fact[]; entities: Entity[] },
  options: StoreOptions,
) => Promise<OpenedBackend>;

const value = <T>(result: { ok: true; value: T } | Failure): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.code} ${JSON.stringify(result)}`);
  return result.value;
};

/** What every backend of `FactRepository` must do alike; each backend's test file runs it on its own storage. */
export function describeRepositoryContract(name: string, openBackend: OpenBackend): void {
  describe(`the fact repository contract on ${name}`, () => {
    let opened: OpenedBackend | undefined;
    afterEach(async () => {
      await opened?.cleanup();
      opened = undefined;
    });
    const open = async (options: Partial<StoreOptions> = {}, dataset = makeDataset(2)) => {
      opened = await openBackend(dataset, { fourEyes: true, now: steppingClock(), ...options });
      return opened.store;
    };

    it('starts from its dataset, each fact journaled as a seed import', async () => {
      const store = await open();
      expect(store.listFacts().map((fact) => fact.id)).toEqual(['seed-fact-1', 'seed-fact-2']);
      expect(store.listEntities().map((entity) => entity.id)).toEqual(['iren', 'microsoft']);
      const history = await store.history('seed-fact-1');
      expect(history.map((entry) => [entry.action, entry.actor])).toEqual([['import', 'seed']]);
      expect(store.listMeasures().map((measure) => measure.id)).toContain('netLoss');
    });

    it('adds a draft at version 1 and refuses its id a second time, even once retired', async () => {
      const store = await open();
      const fact = value(await store.add(makeNewFact('deal'), 'alice'));
      expect(fact).toMatchObject({ status: 'draft', version: 1, createdBy: 'alice', updatedBy: 'alice' });
      expect(store.getFact('deal')).toEqual(fact);
      value(await store.retire('deal', 1, 'bruno', 'duplicate'));
      expect(await store.add(makeNewFact('deal'), 'alice')).toMatchObject({ code: 'factExists' });
      expect(await store.edit('deal', 2, { asOf: '2025-11-05' }, 'alice')).toMatchObject({
        code: 'factRetired',
      });
    });

    it('refuses invalid content, an edit that changes nothing, and a retirement without a reason', async () => {
      const store = await open();
      const bad = await store.add({ ...makeNewFact('other'), entities: ['nobody'] }, 'alice');
      expect((bad as Failure).details).toMatchObject([{ code: 'unknownEntity', params: { id: 'nobody' } }]);
      const fact = store.getFact('seed-fact-1')!;
      expect(await store.edit(fact.id, fact.version, { values: fact.values }, 'carla')).toMatchObject({
        code: 'factUnchanged',
      });
      expect(await store.retire(fact.id, fact.version, 'carla', '  ')).toMatchObject({ code: 'factInvalid' });
    });

    it('edits into a new version that needs verifying again, by someone other than its editor', async () => {
      const store = await open();
      const before = store.getFact('seed-fact-1')!;
      const edited = value(
        await store.edit(before.id, before.version, { asOf: '2025-11-05' }, 'carla', 'why'),
      );
      expect(edited).toMatchObject({ version: before.version + 1, status: 'draft', updatedBy: 'carla' });
      expect(edited.verifiedBy).toBeUndefined();
      expect(await store.verify(before.id, edited.version, 'carla')).toMatchObject({
        code: 'fourEyesRequired',
      });
      const verified = value(await store.verify(before.id, edited.version, 'dana'));
      expect(verified).toMatchObject({ status: 'verified', verifiedBy: 'dana', updatedBy: 'carla' });
      expect(await store.verify(before.id, verified.version, 'erin')).toMatchObject({
        code: 'alreadyVerified',
      });
      const actions = (await store.history(before.id)).map((entry) => [entry.action, entry.note ?? null]);
      expect(actions).toEqual([
        ['import', null],
        ['edit', 'why'],
        ['verify', null],
      ]);
    });

    it('lets a moderator verify their own edit when four-eyes is off', async () => {
      const store = await open({ fourEyes: false });
      const draft = value(await store.add(makeNewFact('deal'), 'alice'));
      expect(value(await store.verify('deal', draft.version, 'alice')).status).toBe('verified');
    });

    it('lets one of two edits of the same version through; the other gets versionConflict, nothing lost', async () => {
      const store = await open();
      const { version } = store.getFact('seed-fact-1')!;
      const [first, second] = await Promise.all([
        store.edit('seed-fact-1', version, { asOf: '2025-11-05' }, 'alice'),
        store.edit('seed-fact-1', version, { asOf: '2025-11-06' }, 'bruno'),
      ]);
      expect(first.ok).toBe(true);
      expect(second).toEqual({
        ok: false,
        code: 'versionConflict',
        params: { id: 'seed-fact-1', expected: version, actual: version + 1 },
      });
      value(await store.edit('seed-fact-1', version + 1, { asOf: '2025-11-06' }, 'bruno'));
      const asOfs = (await store.history('seed-fact-1')).map((entry) => entry.after.asOf);
      expect(asOfs).toEqual(['2025-11-03', '2025-11-05', '2025-11-06']);
    });

    it('imports all of a dataset or nothing, and counts what an identical import leaves unchanged', async () => {
      const store = await open();
      const data = {
        entities: [makeEntity('nvidia')],
        facts: [makeFact('imported-1', {}, 'nvidia'), makeFact('imported-2', {}, 'nvidia')],
      };
      const broken = { ...data, facts: [...data.facts, { ...makeFact('imported-3'), entities: ['nobody'] }] };
      expect(await store.importData(broken, 'ops')).toMatchObject({ code: 'importInvalid' });
      expect(store.getFact('imported-1')).toBeUndefined();
      expect(value(await store.importData(data, 'ops'))).toEqual({ added: 2, updated: 0, unchanged: 0 });
      expect(value(await store.importData(data, 'ops'))).toEqual({ added: 0, updated: 0, unchanged: 2 });
      expect(store.listEntities().map((entity) => entity.id)).toContain('nvidia');
      expect(store.listFacts({ entity: 'nvidia' })).toHaveLength(2);
    });

    it('finds after a restart every fact, entity and history entry it acknowledged', async () => {
      const store = await open();
      const fact = value(await store.add(makeNewFact('deal'), 'alice'));
      value(await store.verify('deal', fact.version, 'bruno'));
      value(await store.importData({ entities: [makeEntity('nvidia')], facts: [] }, 'ops'));
      const exported = store.exportData();
      const history = await store.history('deal');
      const reopened = await opened!.reopen();
      expect(reopened.exportData().facts).toEqual(exported.facts);
      expect(reopened.exportData().entities).toEqual(exported.entities);
      expect(reopened.listMeasures()).toEqual(store.listMeasures());
      expect(await reopened.history('deal')).toEqual(history);
      expect(reopened.listFacts({ status: 'verified' }).map((f) => f.id)).toContain('deal');
    });

    it('refuses writes once closed', async () => {
      const store = await open();
      await store.close();
      expect(await store.add(makeNewFact('late'), 'alice')).toMatchObject({ code: 'storeClosed' });
    });
  });
}
