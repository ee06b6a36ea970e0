import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type IngestExpectation, scoreIngest } from '../../../bench/draft-score.ts';
import { draftFacts } from '../../../facts/draft/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { openMemoryStore } from '../../../facts/store/index.ts';
import { EVAL_PRESENT, SHARED_DIR } from '../../support/shared-eval.ts';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** Drafts an article against a store opened from the embedded seed, as `briefing facts draft` does. */
async function draftArticle(file: string, lang: 'fr' | 'en') {
  const store = await openMemoryStore(loadSeed, { fourEyes: true });
  const report = draftFacts({
    text: readFileSync(file, 'utf8'),
    source: { lang },
    entities: store.listEntities(),
    facts: store.listFacts(),
    measures: store.listMeasures(),
    today: '2026-01-15',
  });
  await store.close();
  return report;
}

const articles = [
  ...(EVAL_PRESENT
    ? [
        {
          name: 'the public Bitdeer article',
          dir: resolve(SHARED_DIR, 'eval', 'ingest'),
          base: 'bitdeer-q3-fire-en',
        },
      ]
    : []),
  { name: 'our French Hut 8 article', dir: FIXTURES, base: 'hut8-river-bend-fr' },
  { name: 'our English Galaxy article', dir: FIXTURES, base: 'galaxy-helios-en' },
  { name: 'our French TeraWulf article', dir: FIXTURES, base: 'terawulf-fluidstack-fr' },
  { name: 'our English Core Scientific article', dir: FIXTURES, base: 'core-scientific-vote-en' },
];

describe.each(articles)('drafting $name', ({ dir, base }) => {
  const expectation = JSON.parse(
    readFileSync(resolve(dir, `${base}.expect.json`), 'utf8'),
  ) as IngestExpectation;
  const reportOf = () => draftArticle(resolve(dir, `${base}.txt`), expectation.lang);

  it('makes every figure of the article a draft value, with its entity and unit', async () => {
    const score = scoreIngest(await reportOf(), expectation);
    expect(score.missing).toEqual([]);
  });

  it('drafts values that are figures of the article, at least nine in ten', async () => {
    const score = scoreIngest(await reportOf(), expectation);
    expect(score.ofArticle / score.draftValues).toBeGreaterThanOrEqual(0.9);
  });

  it('matches every repeat of a stored fact as a duplicate, not a new fact', async () => {
    const report = await reportOf();
    const score = scoreIngest(report, expectation);
    expect(score.duplicates.missing).toEqual([]);
    const repeated = new Set(expectation.duplicates);
    for (const draft of report.drafts)
      if (draft.duplicateOf) expect(repeated.has(draft.duplicateOf)).toBe(true);
  });

  it('proposes the companies and people the registry lacks as new entities', async () => {
    const score = scoreIngest(await reportOf(), expectation);
    expect(score.newEntities.missing).toEqual([]);
  });

  it('keeps each draft in the source language with a placeholder per value, and the sentence it came from', async () => {
    const report = await reportOf();
    const text = readFileSync(resolve(dir, `${base}.txt`), 'utf8');
    for (const draft of report.drafts) {
      expect(draft.span.text).toBe(text.slice(draft.span.start, draft.span.end));
      expect(draft.needsTranslation).toBe(true);
      const words = draft.text[expectation.lang]!;
      if (draft.kind !== 'quote') for (const value of draft.values) expect(words).toContain(`{${value.key}}`);
    }
  });
});

describe('drafting details', () => {
  it('dates a figure "a year earlier" one year before the period its sentence names', async () => {
    const report = await draftArticle(resolve(FIXTURES, 'core-scientific-vote-en.txt'), 'en');
    const values = report.drafts.flatMap((draft) => draft.values);
    expect(values.find((value) => value.kind === 'quantity' && value.value === 141.1e6)).toMatchObject({
      period: '2024-Q2',
    });
    expect(values.find((value) => value.kind === 'quantity' && value.value === 78.6e6)).toMatchObject({
      period: '2025-Q2',
    });
  });

  it('makes the speaker of a quote a person affiliated with the company the role names', async () => {
    const report = await draftArticle(resolve(FIXTURES, 'core-scientific-vote-en.txt'), 'en');
    const quote = report.drafts.find((draft) => draft.kind === 'quote')!;
    expect(quote.quote).toEqual({ speaker: 'adam-sullivan', original: 'en' });
    expect(quote.entities).toContain('core-scientific');
    expect(quote.newEntities.find((entity) => entity.id === 'adam-sullivan')).toMatchObject({
      type: 'person',
      affiliations: ['core-scientific'],
    });
  });
});
