import { describe, expect, it } from 'vitest';
import type { Failure } from '../../../facts/result.ts';
import { type FactRepository, openMemoryStore, type StoreOptions } from '../../../facts/store/index.ts';
import { makeDataset, makeNewFact, steppingClock } from './factory.ts';

const open = (options: Partial<StoreOptions> = {}): FactRepository =>
  openMemoryStore(() => makeDataset(2), { fourEyes: true, now: steppingClock(), ...options });

const value = <T>(result: { ok: true; value: T } | Failure): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.code} ${JSON.stringify(result)}`);
  return result.value;
};

describe('fact operations', () => {
  it('adds a draft at version 1 that names who created it and when', async () => {
    const store = open({ now: () => new Date('2025-11-04T08:00:00Z') });
    const fact = value(await store.add(makeNewFact('iren-microsoft-deal'), 'alice'));
    expect(fact).toMatchObject({ status: 'draft', version: 1, createdBy: 'alice', updatedBy: 'alice' });
    expect(fact.createdAt).toBe('2025-11-04T08:00:00.000Z');
    expect(fact.values[0]).toMatchObject({ qualifier: 'exact', scale: 'billion' });
    expect(store.getFact('iren-microsoft-deal')).toEqual(fact);
  });

  it('refuses an id that is taken, even by a retired fact', async () => {
    const store = open();
    const fact = value(await store.add(makeNewFact('deal'), 'alice'));
    value(await store.retire('deal', fact.version, 'bruno', 'duplicate of seed-fact-1'));
    expect(await store.add(makeNewFact('deal'), 'alice')).toMatchObject({
      code: 'factExists',
      params: { id: 'deal' },
    });
  });

  it('rejects invalid content with every problem and its path', async () => {
    const store = open();
    const bad = { ...makeNewFact('bad-fact'), asOf: 'yesterday', entities: ['nobody'] };
    const result = await store.add(bad, 'alice');
    expect(result).toMatchObject({ ok: false, code: 'factInvalid' });
    expect((result as Failure).details).toContainEqual({
      path: ['asOf'],
      code: 'badDate',
      params: { format: 'date' },
    });
    const unknown = await store.add({ ...makeNewFact('other-fact'), entities: ['nobody'] }, 'alice');
    expect((unknown as Failure).details).toEqual([
      { path: ['entities', 0], code: 'unknownEntity', params: { id: 'nobody' } },
    ]);
  });

  it('edits into a new version and sends a verified fact back to draft', async () => {
    const store = open();
    const before = store.getFact('seed-fact-1')!;
    expect(before.status).toBe('verified');
    const text = { fr: 'IREN a signé un contrat de {amount}.', en: 'IREN signed a {amount} contract.' };
    const edited = value(await store.edit('seed-fact-1', before.version, { text }, 'carla', 'capitalized'));
    expect(edited).toMatchObject({ version: before.version + 1, status: 'draft', updatedBy: 'carla', text });
    expect(edited.verifiedBy).toBeUndefined();
    expect(store.listFacts({ status: 'verified' }).map((fact) => fact.id)).toEqual(['seed-fact-2']);
  });

  it('refuses an edit that changes nothing', async () => {
    const store = open();
    const fact = store.getFact('seed-fact-1')!;
    expect(await store.edit('seed-fact-1', fact.version, { asOf: fact.asOf }, 'carla')).toMatchObject({
      code: 'factUnchanged',
    });
  });

  it('removes a quote when an edit turns it into an event', async () => {
    const store = open();
    const quote = value(
      await store.add(
        {
          ...makeNewFact('gagnon-says'),
          kind: 'quote',
          values: [],
          text: { fr: 'Nous pivotons.', en: 'We are pivoting.' },
          quote: { speaker: 'iren', original: 'en' },
        },
        'alice',
      ),
    );
    const event = value(
      await store.edit('gagnon-says', quote.version, { kind: 'event', quote: null }, 'alice'),
    );
    expect(event.kind).toBe('event');
    expect(event.quote).toBeUndefined();
  });

  it('lets only one of two concurrent edits of the same version through, and loses neither', async () => {
    const store = open();
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
    expect(store.getFact('seed-fact-1')?.asOf).toBe('2025-11-05');
    const retried = value(await store.edit('seed-fact-1', version + 1, { asOf: '2025-11-06' }, 'bruno'));
    expect(retried.version).toBe(version + 2);
    expect(store.history('seed-fact-1').map((entry) => entry.after.asOf)).toEqual([
      '2025-11-03',
      '2025-11-05',
      '2025-11-06',
    ]);
  });

  it('refuses a verification by the last editor when four-eyes is on', async () => {
    const store = open();
    const draft = value(await store.add(makeNewFact('deal'), 'alice'));
    expect(await store.verify('deal', draft.version, 'alice')).toEqual({
      ok: false,
      code: 'fourEyesRequired',
      params: { id: 'deal', actor: 'alice' },
    });
    const verified = value(await store.verify('deal', draft.version, 'bruno'));
    expect(verified).toMatchObject({
      status: 'verified',
      version: 2,
      verifiedBy: 'bruno',
      updatedBy: 'alice',
    });
    expect(await store.verify('deal', 2, 'carla')).toMatchObject({ code: 'alreadyVerified' });
  });

  it('lets the editor verify alone when four-eyes is relaxed', async () => {
    const store = open({ fourEyes: false });
    const draft = value(await store.add(makeNewFact('deal'), 'alice'));
    expect(value(await store.verify('deal', draft.version, 'alice')).verifiedBy).toBe('alice');
  });

  it('verifies only the version the verifier read', async () => {
    const store = open();
    const draft = value(await store.add(makeNewFact('deal'), 'alice'));
    value(await store.edit('deal', draft.version, { asOf: '2025-11-04' }, 'alice'));
    expect(await store.verify('deal', draft.version, 'bruno')).toMatchObject({
      code: 'versionConflict',
      params: { expected: 1, actual: 2 },
    });
  });

  it('retires a fact with its reason, keeps its history and takes no more changes', async () => {
    const store = open();
    const fact = store.getFact('seed-fact-2')!;
    const retired = value(
      await store.retire('seed-fact-2', fact.version, 'bruno', 'superseded by Q4 figures'),
    );
    expect(retired.status).toBe('retired');
    expect(store.listFacts({ status: 'verified' }).map((f) => f.id)).toEqual(['seed-fact-1']);
    expect(await store.edit('seed-fact-2', retired.version, { asOf: '2025-12-01' }, 'alice')).toMatchObject({
      code: 'factRetired',
    });
    expect(await store.retire('seed-fact-2', retired.version, 'bruno', 'again')).toMatchObject({
      code: 'factRetired',
    });
    const history = store.history('seed-fact-2');
    expect(history.map((entry) => [entry.action, entry.actor, entry.note])).toEqual([
      ['import', 'seed', undefined],
      ['retire', 'bruno', 'superseded by Q4 figures'],
    ]);
    expect(history[1]?.before?.status).toBe('verified');
  });

  it('requires a reason to retire', async () => {
    const store = open();
    expect(await store.retire('seed-fact-1', 2, 'bruno', '  ')).toMatchObject({ code: 'factInvalid' });
  });

  it('records each change with who, when, before and after, oldest first', async () => {
    const store = open();
    const draft = value(await store.add(makeNewFact('deal'), 'alice', 'from the article'));
    const edited = value(await store.edit('deal', 1, { asOf: '2025-11-04' }, 'alice', 'date fix'));
    const verified = value(await store.verify('deal', 2, 'bruno'));
    const history = store.history('deal');
    expect(history.map((entry) => entry.action)).toEqual(['create', 'edit', 'verify']);
    expect(history.map((entry) => entry.actor)).toEqual(['alice', 'alice', 'bruno']);
    expect(history[0]).toMatchObject({ before: null, after: draft, note: 'from the article' });
    expect(history[1]).toMatchObject({ before: draft, after: edited, note: 'date fix' });
    expect(history[2]).toMatchObject({ before: edited, after: verified });
    expect(new Set(history.map((entry) => entry.at)).size).toBe(3);
    expect(history.map((entry) => entry.seq)).toEqual(
      [...history.map((entry) => entry.seq)].sort((a, b) => a - b),
    );
  });

  it('shows who created and verified a seed fact in its history', () => {
    const [entry] = open().history('seed-fact-1');
    expect(entry).toMatchObject({ action: 'import', actor: 'seed', before: null });
    expect(entry?.after).toMatchObject({ createdBy: 'alice', verifiedBy: 'bruno' });
  });

  it('runs the extra checks on every write and reports what they found', async () => {
    const store = open({
      checks: [
        (fact) => (fact.text.fr.includes('{amount}') ? [] : [{ path: ['text', 'fr'], code: 'lostAmount' }]),
      ],
    });
    const fact = store.getFact('seed-fact-1')!;
    const text = { fr: 'IREN a signé un contrat.', en: 'IREN signed a {amount} contract.' };
    expect(await store.edit('seed-fact-1', fact.version, { text }, 'carla')).toEqual({
      ok: false,
      code: 'factInvalid',
      params: { id: 'seed-fact-1' },
      details: [{ path: ['text', 'fr'], code: 'lostAmount' }],
    });
    expect(value(await store.retire('seed-fact-1', fact.version, 'bruno', 'old')).status).toBe('retired');
  });

  it('filters facts by status, kind and entity', async () => {
    const store = open();
    value(await store.add(makeNewFact('deal', 'microsoft'), 'alice'));
    expect(store.listFacts({ entity: 'microsoft' }).map((fact) => fact.id)).toEqual(['seed-fact-2', 'deal']);
    expect(store.listFacts({ status: 'draft', kind: 'figure' }).map((fact) => fact.id)).toEqual(['deal']);
    expect(store.listFacts({ kind: 'quote' })).toEqual([]);
  });

  it('hands out facts that cannot be changed behind its back', () => {
    const fact = open().getFact('seed-fact-1')!;
    expect(() => {
      (fact as { asOf: string }).asOf = '1999-01-01';
    }).toThrow();
  });

  it('answers factNotFound for an unknown id and storeClosed after close', async () => {
    const store = open();
    expect(await store.verify('nope', 1, 'bruno')).toEqual({
      ok: false,
      code: 'factNotFound',
      params: { id: 'nope' },
    });
    await store.close();
    expect(await store.add(makeNewFact('late'), 'alice')).toMatchObject({ code: 'storeClosed' });
  });
});
