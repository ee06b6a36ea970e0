import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { draftFacts } from '../facts/draft/index.ts';
import { extractNumbers } from '../facts/numbers/index.ts';
import { loadSeed } from '../facts/seed/index.ts';
import { openMemoryStore } from '../facts/store/index.ts';
import { type IngestExpectation, scoreIngest } from './draft-score.ts';
import { percentile } from './measure.ts';
import type { Bench, BenchFigure } from './types.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLES = [
  { dir: resolve(ROOT, '..', 'shared', 'eval', 'ingest'), base: 'bitdeer-q3-fire-en' },
  { dir: resolve(ROOT, 'tests', 'facts', 'draft', 'fixtures'), base: 'galaxy-helios-en' },
  { dir: resolve(ROOT, 'tests', 'facts', 'draft', 'fixtures'), base: 'hut8-river-bend-fr' },
  { dir: resolve(ROOT, 'tests', 'facts', 'draft', 'fixtures'), base: 'terawulf-fluidstack-fr' },
  { dir: resolve(ROOT, 'tests', 'facts', 'draft', 'fixtures'), base: 'core-scientific-vote-en' },
];

const read = (dir: string, base: string) => {
  try {
    return {
      text: readFileSync(resolve(dir, `${base}.txt`), 'utf8'),
      expect: JSON.parse(readFileSync(resolve(dir, `${base}.expect.json`), 'utf8')) as IngestExpectation,
    };
  } catch {
    return undefined;
  }
};

/** Times `run` `rounds` times after one warm-up, in ms. */
function timed(rounds: number, run: () => void): number[] {
  run();
  return Array.from({ length: rounds }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
}

/**
 * Drafting speed on a 2,000-word article (the three evaluation articles repeated), against the floor of reading its
 * numbers alone with the same extractor; and the evaluation figures of each article (recall, precision, repeats).
 */
export const bench: Bench = async () => {
  const store = openMemoryStore(loadSeed, { fourEyes: true });
  const input = {
    entities: store.listEntities(),
    facts: store.listFacts(),
    measures: store.listMeasures(),
    today: '2026-01-15',
  };
  const found = ARTICLES.map(({ dir, base }) => ({ base, ...read(dir, base) })).filter((item) => item.text);
  const english = found.filter((item) => item.expect!.lang === 'en').map((item) => item.text!);
  let text = '';
  while (text.split(/\s+/).length < 2000) text += `${english.join('\n\n')}\n\n`;
  const words = text.split(/\s+/).slice(0, 2000).join(' ');
  const cold = performance.now();
  draftFacts({ ...input, text: words, source: { lang: 'en' } });
  const first = performance.now() - cold;
  const drafting = timed(10, () => draftFacts({ ...input, text: words, source: { lang: 'en' } }));
  const numbers = timed(10, () => extractNumbers(words, 'en'));
  const figures: BenchFigure[] = [
    { group: 'drafting', name: 'first 2,000-word article (cold)', value: first, unit: 'ms', target: 1000 },
    {
      group: 'drafting',
      name: '2,000-word article p50',
      value: percentile(drafting, 50),
      unit: 'ms',
      floor: { label: 'extractNumbers alone', value: percentile(numbers, 50) },
      target: 1000,
    },
  ];
  for (const item of found) {
    const report = draftFacts({ ...input, text: item.text!, source: { lang: item.expect!.lang } });
    const score = scoreIngest(report, item.expect!);
    figures.push(
      {
        group: 'drafting',
        name: `${item.base} figures found`,
        value: (100 * score.found) / score.figures,
        unit: '%',
        target: 90,
      },
      {
        group: 'drafting',
        name: `${item.base} draft values of the article`,
        value: (100 * score.ofArticle) / score.draftValues,
        unit: '%',
        target: 90,
      },
      {
        group: 'drafting',
        name: `${item.base} repeats found`,
        value: (100 * score.duplicates.found) / Math.max(1, score.duplicates.expected),
        unit: '%',
        target: 100,
      },
    );
  }
  await store.close();
  return figures;
};
