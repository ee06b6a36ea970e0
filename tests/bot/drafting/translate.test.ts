import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateDrafts } from '../../../bot/drafting/translate.ts';
import { translator } from '../../../bot/i18n.ts';
import { createAnthropicClient } from '../../../bot/llm/anthropic.ts';
import { type DraftFact, draftFacts } from '../../../facts/draft/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { openMemoryStore } from '../../../facts/store/index.ts';
import { type FakeAnthropic, startFakeAnthropic } from '../../support/fake-anthropic.ts';

let fake: FakeAnthropic;
let drafts: DraftFact[];
const ARTICLE =
  'Hut 8 loue un campus à Fluidstack.\n\nLe mineur Hut 8 a publié un chiffre d’affaires de 83,5 millions de dollars au troisième trimestre 2025. « Nous passons d’un modèle de minage à un modèle d’infrastructure », a déclaré Asher Genoot, directeur général de Hut 8.';

beforeAll(async () => {
  fake = await startFakeAnthropic();
  const store = await openMemoryStore(loadSeed, { fourEyes: true });
  drafts = draftFacts({
    text: ARTICLE,
    source: { lang: 'fr', date: '2025-12-18' },
    entities: store.listEntities(),
    facts: store.listFacts(),
    measures: store.listMeasures(),
    today: '2025-12-18',
  }).drafts;
  await store.close();
});
afterAll(() => fake.close());

const client = () =>
  createAnthropicClient({ apiKey: 'sk-test', model: 'claude-test', timeoutMs: 5000, baseURL: fake.baseURL });

async function translateWith(reply: string, kind: DraftFact['kind'] = 'figure') {
  const draft = drafts.find((item) => item.kind === kind)!;
  fake.enqueue({ text: reply });
  const { drafts: out, outcomes } = await translateDrafts([draft], 'fr', client(), await translator('en'));
  return { draft: out[0]!, outcome: outcomes[0]!, request: fake.requests.at(-1)! };
}

describe('translating drafts with Claude', () => {
  it('keeps a faithful translation with the same placeholders, sending the source words as data', async () => {
    const figure = drafts.find((item) => item.kind === 'figure')!;
    expect(figure.text.fr).toContain('{revenue}');
    const { draft, outcome, request } = await translateWith(
      '<text>Miner Hut 8 reported revenue of {revenue} in the third quarter of 2025.</text>',
    );
    expect(outcome).toEqual({ id: figure.id, outcome: 'kept' });
    expect(draft.text.en).toBe('Miner Hut 8 reported revenue of {revenue} in the third quarter of 2025.');
    expect(draft.needsTranslation).toBe(false);
    expect(JSON.stringify(request.body.messages)).toContain(`<text>${figure.text.fr}</text>`);
  });

  it('refuses a translation that changes a number', async () => {
    const { draft, outcome } = await translateWith(
      'Miner Hut 8 reported revenue of {revenue} in the fourth quarter of 2024, up 12%.',
    );
    expect(outcome.outcome).toBe('refused');
    expect(draft.needsTranslation).toBe(true);
    expect(draft.text.en).toBeNull();
  });

  it('refuses a translation that drops or renames a placeholder', async () => {
    expect((await translateWith('Miner Hut 8 reported revenue of $83.5 million.')).outcome.outcome).toBe(
      'refused',
    );
    expect((await translateWith('Miner Hut 8 reported revenue of {sales} in Q3 2025.')).outcome.outcome).toBe(
      'refused',
    );
  });

  it('refuses a quote translation whose unit or number is not the original one', async () => {
    fake.enqueue({ text: 'We are moving from a mining model to an infrastructure model of 5 GW.' });
    const quote = drafts.find((item) => item.kind === 'quote')!;
    const { outcomes } = await translateDrafts([quote], 'fr', client(), await translator('en'));
    expect(outcomes[0]!.outcome).toBe('refused');
  });

  it('keeps a quote verbatim in its original language and its translation as the other', async () => {
    const { draft, outcome } = await translateWith(
      'We are moving from a mining model to an infrastructure model',
      'quote',
    );
    expect(outcome.outcome).toBe('kept');
    expect(draft.quote).toMatchObject({ original: 'fr' });
    expect(draft.text.fr).toBe('Nous passons d’un modèle de minage à un modèle d’infrastructure');
    expect(draft.text.en).toBe('We are moving from a mining model to an infrastructure model');
  });

  it('leaves the draft needing a translation when the API fails', async () => {
    const figure = drafts.find((item) => item.kind === 'figure')!;
    fake.enqueue({ status: 529 });
    const { drafts: out, outcomes } = await translateDrafts([figure], 'fr', client(), await translator('en'));
    expect(outcomes[0]).toMatchObject({ outcome: 'failed' });
    expect(out[0]!.needsTranslation).toBe(true);
  });
});
