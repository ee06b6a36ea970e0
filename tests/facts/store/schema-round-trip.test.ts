import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../bot/store/index.ts';
import type { Fact } from '../../../facts/schema/index.ts';
import { FactSchema } from '../../../facts/schema/index.ts';
import { FactPatchSchema, NewFactSchema, openMemoryStore } from '../../../facts/store/index.ts';
import { makeDataset, makeFact, makeNewFact, makeTempDir } from './factory.ts';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await makeTempDir()));
afterAll(() => remove());

// JSON has no -0: it reads back as 0, which is the same published figure.
const amount = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);

describe('schema round trips', () => {
  it('accepts the content of a fact as a new fact and as a patch, and fills the same defaults as the fact schema', () => {
    const content = makeNewFact('deal');
    const parsed = NewFactSchema.parse(content);
    expect(FactPatchSchema.parse({ values: content.values }).values).toEqual(parsed.values);
    expect(parsed.values[0]).toMatchObject({ qualifier: 'exact' });
    expect(NewFactSchema.safeParse({ ...content, status: 'verified' }).success).toBe(false);
    expect(FactPatchSchema.safeParse({ version: 3 }).success).toBe(false);
  });

  it('imports an export into an empty store with the same content, as drafts by the importer', async () => {
    const source = openMemoryStore(() => makeDataset(4), { fourEyes: true });
    const exported = JSON.parse(JSON.stringify(source.exportData()));
    const target = openMemoryStore(() => ({ facts: [], entities: [] }), { fourEyes: true });
    expect(await target.importData(exported, 'carla')).toMatchObject({ ok: true, value: { added: 4 } });
    const content = ({ id, kind, entities, values, text, sources, asOf }: Fact) => ({
      id,
      kind,
      entities,
      values,
      text,
      sources,
      asOf,
    });
    expect(target.exportData().facts.map(content)).toEqual(source.exportData().facts.map(content));
    for (const fact of target.exportData().facts)
      expect(fact).toMatchObject({ status: 'draft', createdBy: 'carla', version: 1 });
  });

  it('stores any text and number through the files and reads back the same fact', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(text, text, amount, async (fr, en, amount) => {
        const folder = `${dir}/round-${round++}`;
        const fact = FactSchema.parse(makeFact('odd-fact', { text: { fr, en } }));
        const withAmount = { ...fact, values: [{ ...fact.values[0]!, value: amount }] };
        const opened = await openStore(folder, () => ({ ...makeDataset(0), facts: [withAmount] }), {
          fourEyes: true,
        });
        if (!opened.ok) throw new Error(opened.code);
        await opened.value.store.close();
        const reopened = await openStore(folder, () => makeDataset(0), { fourEyes: true });
        if (!reopened.ok) throw new Error(reopened.code);
        expect(reopened.value.store.getFact('odd-fact')).toEqual(withAmount);
        await reopened.value.store.close();
      }),
      { numRuns: 25 },
    );
  });
});
