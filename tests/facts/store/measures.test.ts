import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, storeFiles } from '../../../bot/store/index.ts';
import { loadMeasures } from '../../../facts/measures/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { type NewFact, openMemoryStore } from '../../../facts/store/index.ts';
import { makeDataset, makeNewFact, makeTempDir, steppingClock } from './factory.ts';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

const memory = () => openMemoryStore(() => makeDataset(1), { fourEyes: true, now: steppingClock() });
const withValue = (value: Record<string, unknown>): NewFact => ({
  ...makeNewFact('loss'),
  values: [
    { key: 'amount', kind: 'quantity', unit: 'USD', value: 9.7e9, scale: 'billion', decimals: 1, ...value },
  ],
});

/** Strips every `"measure":"…"` from a file, as it was written before values carried measures. */
async function asWrittenBeforeMeasures(path: string): Promise<string> {
  const old = (await readFile(path, 'utf8')).replace(/"measure":"[a-zA-Z]+",/g, '');
  await writeFile(path, old);
  return old;
}

describe('the measure registry in the store', () => {
  it('lists the registry beside the entities', () => {
    const store = memory();
    const ids = store.listMeasures().map((measure) => measure.id);
    expect(ids).toEqual(loadMeasures().map((measure) => measure.id));
    expect(ids).toEqual(expect.arrayContaining(['netLoss', 'revenue', 'btcMined', 'sharePriceChange']));
  });

  it('refuses a value that names an unknown measure, with its own error code', async () => {
    const store = memory();
    const added = await store.add(withValue({ measure: 'profitz' }), 'alice');
    expect(added).toMatchObject({
      ok: false,
      code: 'unknownMeasure',
      params: { measure: 'profitz', key: 'amount' },
    });
    expect(store.getFact('loss')).toBeUndefined();
  });

  it('refuses a unit the measure does not take, and takes a number whose key implies no measure as it is', async () => {
    const store = memory();
    const wrongUnit = await store.add(withValue({ measure: 'btcMined' }), 'alice');
    expect(wrongUnit).toMatchObject({ ok: false, code: 'factInvalid' });
    expect(wrongUnit.ok ? [] : wrongUnit.details).toContain('values.0.unit: btcMined takes BTC, not USD');
    const unplaced = await store.add(withValue({}), 'alice');
    expect(unplaced.ok && unplaced.value.values[0]).not.toHaveProperty('measure');
  });

  it('gives a value without a measure the one its key implies', async () => {
    const store = memory();
    const added = await store.add(
      { ...withValue({ key: 'netLoss' }), text: { fr: 'Perte de {netLoss}.', en: 'A loss of {netLoss}.' } },
      'alice',
    );
    expect(added.ok && added.value.values[0]).toMatchObject({ measure: 'netLoss' });
  });

  it('refuses an import naming an unknown measure, and writes none of it', async () => {
    const store = memory();
    const dataset = makeDataset(2);
    const bad = { ...dataset.facts[1]!, values: [{ ...dataset.facts[1]!.values[0]!, measure: 'nope' }] };
    const result = await store.importData({ facts: [dataset.facts[0], bad], entities: [] }, 'carla');
    expect(result).toMatchObject({ ok: false, code: 'importInvalid' });
    expect(result.ok ? [] : result.details).toContain('facts.1.values.0.measure: unknown measure "nope"');
  });

  it('tags every value of the embedded seed with a measure the registry knows, in a unit it allows', () => {
    const store = openMemoryStore(loadSeed, { fourEyes: true });
    const known = new Map(store.listMeasures().map((measure) => [measure.id, measure]));
    const values = store.listFacts().flatMap((fact) => fact.values);
    for (const value of values.filter((v) => v.kind === 'quantity')) {
      expect(known.get(value.measure!)?.units, `${value.key}`).toContain(value.unit);
    }
  });
});

describe('facts written before measures existed', () => {
  it('load from an old journal line, with the measure their key implies, and the line is not rewritten', async () => {
    const first = await openStore(dir, () => makeDataset(0), { fourEyes: true, now: steppingClock() });
    if (!first.ok) throw new Error(first.code);
    const { store } = first.value;
    await store.add(
      {
        ...withValue({ key: 'netLoss', measure: 'netLoss' }),
        text: { fr: 'Perte de {netLoss}.', en: 'Loss: {netLoss}.' },
      },
      'alice',
    );
    await store.close();
    // The snapshot already holds the fact: drop it so the old journal line is what the fact is rebuilt from.
    const snapshot = JSON.parse(await readFile(storeFiles(dir).snapshot, 'utf8'));
    const journal = await readFile(storeFiles(dir).log, 'utf8');
    expect(journal).toContain('"measure":"netLoss"');
    await writeFile(
      storeFiles(dir).snapshot,
      JSON.stringify({ ...snapshot, auditSeq: 0, auditBytes: 0, facts: [] }),
    );
    const old = await asWrittenBeforeMeasures(storeFiles(dir).log);

    const reopened = await openStore(dir, () => makeDataset(0), { fourEyes: true });
    if (!reopened.ok) throw new Error(`${reopened.code}: ${reopened.details?.join('\n')}`);
    expect(reopened.value.store.getFact('loss')?.values[0]).toMatchObject({
      key: 'netLoss',
      measure: 'netLoss',
    });
    expect(reopened.value.store.history('loss')[0]?.after.values[0]).not.toHaveProperty('measure');
    await reopened.value.store.close();
    expect(await readFile(storeFiles(dir).log, 'utf8')).toBe(old);
  });

  it('load from an old snapshot, and an old fact whose key implies nothing still loads without one', async () => {
    const seed = loadSeed();
    const first = await openStore(dir, () => seed, { fourEyes: true });
    if (!first.ok) throw new Error(first.code);
    await first.value.store.close();
    await asWrittenBeforeMeasures(storeFiles(dir).snapshot);
    const raw = JSON.parse(await readFile(storeFiles(dir).snapshot, 'utf8'));
    const odd = { ...raw.facts[3], id: 'odd-key', values: [{ ...raw.facts[3].values[0], key: 'zork' }] };
    odd.text = { fr: 'Site de {zork}.', en: 'A {zork} site.' };
    await writeFile(storeFiles(dir).snapshot, JSON.stringify({ ...raw, facts: [...raw.facts, odd] }));

    const reopened = await openStore(dir, () => seed, { fourEyes: true });
    if (!reopened.ok) throw new Error(`${reopened.code}: ${reopened.details?.join('\n')}`);
    const { store } = reopened.value;
    expect(
      store.getFact('bitfarms-q3-2025-net-loss')?.values.map((v) => v.kind === 'quantity' && v.measure),
    ).toEqual(['netLoss', 'netLoss']);
    expect(store.getFact('bitfarms-shares-fall-after-results')?.values[0]).toMatchObject({
      measure: 'sharePriceChange',
    });
    expect(store.getFact('odd-key')?.values[0]).not.toHaveProperty('measure');
    await store.close();
  });
});
