import { describe, expect, it } from 'vitest';
import { composeDigest, dayNumber } from '../../../facts/digest/index.ts';
import { addVerified, newFigure, snapshot, storeAt } from './fixtures.ts';

/** A store with a history: three facts verified on Nov 1, then a day of changes on Nov 3. */
async function storeWithChanges() {
  const { store, at } = storeAt('2025-11-01T09:00:00Z');
  await addVerified(store, newFigure('iren-revenue', 'iren', 240));
  await addVerified(store, newFigure('bitfarms-loss', 'bitfarms', 46));
  await addVerified(store, newFigure('microsoft-deal', 'microsoft', 9700));
  await store.add(newFigure('iren-draft', 'iren', 12), 'alice');
  const older = await store.add(newFigure('bitfarms-capacity', 'bitfarms', 55), 'alice');
  at('2025-11-03T10:00:00Z');
  await addVerified(store, newFigure('iren-capex', 'iren', 810));
  const edited = await store.edit(
    'iren-revenue',
    store.getFact('iren-revenue')!.version,
    { asOf: '2025-11-02' },
    'alice',
  );
  await store.verify('iren-revenue', edited.ok ? edited.value.version : 0, 'bruno');
  await store.verify('bitfarms-capacity', older.ok ? older.value.version : 0, 'bruno');
  await store.retire('bitfarms-loss', store.getFact('bitfarms-loss')!.version, 'bruno', 'restated');
  const never = await store.add(newFigure('iren-typo', 'iren', 1), 'alice');
  await store.retire('iren-typo', never.ok ? never.value.version : 0, 'alice', 'typo');
  return store;
}

const ids = (entries: { fact: { id: string } }[]) => entries.map((entry) => entry.fact.id);

describe('composeDigest', () => {
  it('sorts what changed since the last digest into new, updated, newly verified and withdrawn facts', async () => {
    const source = snapshot(await storeWithChanges());
    const data = composeDigest({
      ...source,
      since: new Date('2025-11-02T00:00:00Z'),
      lang: 'en',
      rotationDay: 1,
      quietDays: true,
    });
    expect(ids(data.changes.added)).toEqual(['iren-capex']);
    expect(ids(data.changes.updated)).toEqual(['iren-revenue']);
    expect(ids(data.changes.verified)).toEqual(['bitfarms-capacity']);
    expect(ids(data.changes.retired)).toEqual(['bitfarms-loss']);
    expect(data.quiet).toBe(false);
  });

  it('never announces drafts, nor a fact withdrawn before anyone could read it', async () => {
    const source = snapshot(await storeWithChanges());
    const data = composeDigest({
      ...source,
      since: new Date('2025-11-02T00:00:00Z'),
      lang: 'en',
      rotationDay: 1,
      quietDays: true,
    });
    const shown = [...Object.values(data.changes).flatMap(ids), ...ids(data.keyFigures)];
    expect(shown).not.toContain('iren-draft');
    expect(shown).not.toContain('iren-typo');
  });

  it('counts nothing as changed when the period starts after the last change', async () => {
    const source = snapshot(await storeWithChanges());
    const data = composeDigest({
      ...source,
      since: new Date('2025-11-04T00:00:00Z'),
      lang: 'fr',
      rotationDay: 3,
      quietDays: true,
    });
    expect(Object.values(data.changes).flat()).toEqual([]);
    expect(data.quiet).toBe(true);
    expect(data.keyFigures.length).toBeGreaterThan(0);
    expect(data.postable).toBe(true);
  });

  it('has nothing to post on a quiet day when the server turned quiet digests off', async () => {
    const source = snapshot(await storeWithChanges());
    const data = composeDigest({
      ...source,
      since: new Date('2025-11-04T00:00:00Z'),
      lang: 'fr',
      rotationDay: 3,
      quietDays: false,
    });
    expect(data.keyFigures).toEqual([]);
    expect(data.postable).toBe(false);
  });

  it('cites each fact with a source and reports the latest "as of" date shown', async () => {
    const source = snapshot(await storeWithChanges());
    const data = composeDigest({
      ...source,
      since: new Date('2025-11-02T00:00:00Z'),
      lang: 'en',
      rotationDay: 1,
      quietDays: true,
    });
    for (const entry of [...data.changes.added, ...data.keyFigures])
      expect(entry.source.publisher).toBe('The Ledger');
    expect(data.asOf).toBe('2025-11-02');
  });

  it('lists at most five changes of a bulk import, the newest first, and counts the rest', async () => {
    const { store, at } = storeAt('2025-11-03T10:00:00Z');
    for (let i = 0; i < 14; i++) {
      at(`2025-11-03T10:${String(i).padStart(2, '0')}:00Z`);
      await addVerified(store, newFigure(`bulk-${String(i).padStart(2, '0')}`, 'iren', 100 + i));
    }
    const data = composeDigest({
      ...snapshot(store),
      since: new Date('2025-11-02T00:00:00Z'),
      lang: 'en',
      rotationDay: 1,
      quietDays: true,
    });
    expect(ids(data.bullets)).toEqual(['bulk-13', 'bulk-12', 'bulk-11', 'bulk-10', 'bulk-09']);
    expect(data.changes.added).toHaveLength(5);
    expect(data.more.added).toBe(9);
    expect(data.rest).toBe(9);
    expect(data.keyFigures).toEqual([]);
  });

  it('ranks figures before events and events before quotes, and today’s before older ones', async () => {
    const { store, at } = storeAt('2025-11-01T10:00:00Z');
    const kinds = { quote: 'quote', event: 'event' } as const;
    const quote = (id: string) =>
      newFigure(id, 'iren', 5, {
        kind: kinds.quote,
        quote: { speaker: 'iren', original: 'en' },
        text: { fr: 'Nous avons {amount}.', en: 'We have {amount}.' },
      });
    await addVerified(store, quote('old-quote'));
    await addVerified(store, newFigure('old-figure', 'iren', 6));
    at('2025-11-03T09:00:00Z');
    await addVerified(store, quote('new-quote'));
    await addVerified(store, newFigure('new-event', 'bitfarms', 7, { kind: kinds.event }));
    await addVerified(store, newFigure('new-figure', 'microsoft', 8));
    const data = composeDigest({
      ...snapshot(store),
      since: new Date('2025-10-31T00:00:00Z'),
      now: new Date('2025-11-03T12:00:00Z'),
      lang: 'en',
      rotationDay: 1,
      quietDays: true,
    });
    expect(ids(data.bullets)).toEqual(['new-figure', 'old-figure', 'new-event', 'new-quote', 'old-quote']);
  });

  it('welcomes a server on its first digest instead of listing every stored fact as new', async () => {
    const source = snapshot(await storeWithChanges());
    const data = composeDigest({ ...source, first: true, lang: 'en', rotationDay: 1, quietDays: false });
    expect(data.kind).toBe('welcome');
    expect(data.bullets).toEqual([]);
    expect(data.rest).toBe(0);
    expect(data.coverage).toEqual({
      figures: 4,
      events: 0,
      quotes: 0,
      topics: ['iren', 'bitfarms', 'microsoft'],
    });
    expect(ids(data.keyFigures)).toHaveLength(4);
    expect(data.postable).toBe(true);
  });
});

describe('the key-figure rotation', () => {
  async function tenFigures() {
    const { store } = storeAt('2025-10-01T09:00:00Z');
    for (let i = 0; i < 10; i++)
      await addVerified(store, newFigure(`figure-${i}`, i % 2 ? 'iren' : 'microsoft', 10 + i));
    return snapshot(store);
  }
  const quietOn = (source: Awaited<ReturnType<typeof tenFigures>>, day: number) =>
    ids(
      composeDigest({
        ...source,
        since: new Date('2025-11-01T00:00:00Z'),
        lang: 'en',
        rotationDay: day,
        quietDays: true,
      }).keyFigures,
    );

  it('shows the same figures all day and other figures the next day', async () => {
    const source = await tenFigures();
    const day = dayNumber('2025-11-05');
    expect(quietOn(source, day)).toEqual(quietOn(source, day));
    expect(quietOn(source, day)).toHaveLength(3);
    expect(quietOn(source, day + 1).filter((id) => quietOn(source, day).includes(id))).toEqual([]);
  });

  it('goes round every figure over consecutive days', async () => {
    const source = await tenFigures();
    const seen = new Set([0, 1, 2, 3].flatMap((offset) => quietOn(source, 400 + offset)));
    expect(seen.size).toBe(10);
  });

  it('shows no key figures on a day with changes: the changes are the news', async () => {
    const { store, at } = storeAt('2025-10-01T09:00:00Z');
    await addVerified(store, newFigure('old-one', 'iren', 5));
    at('2025-11-03T09:00:00Z');
    await addVerified(store, newFigure('new-one', 'iren', 6));
    const data = composeDigest({
      ...snapshot(store),
      since: new Date('2025-11-02T00:00:00Z'),
      lang: 'en',
      rotationDay: 7,
      quietDays: true,
    });
    expect(ids(data.changes.added)).toEqual(['new-one']);
    expect(data.keyFigures).toEqual([]);
  });

  it('numbers consecutive local dates consecutively', () => {
    expect(dayNumber('2025-03-31') - dayNumber('2025-03-30')).toBe(1);
    expect(dayNumber('2026-01-01') - dayNumber('2025-12-31')).toBe(1);
  });
});
