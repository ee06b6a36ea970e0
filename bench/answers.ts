import { performance } from 'node:perf_hooks';
import { asTranslate, fixedT, loadI18n } from '../bot/i18n.ts';
import { silentLogger } from '../bot/log.ts';
import { createAnswerer } from '../facts/answer/index.ts';
import type { Entity, Fact } from '../facts/schema/index.ts';
import { createFactIndex, selectFacts } from '../facts/search/index.ts';
import { loadSeed } from '../facts/seed/index.ts';
import { generateFacts } from './generate.ts';
import { percentile, sample } from './measure.ts';
import { BENCH_QUESTIONS } from './questions.ts';
import type { Bench, BenchFigure } from './types.ts';

/** The shared questions, plus one the bot must decline. */
const QUESTIONS = [
  ...BENCH_QUESTIONS,
  { lang: 'en', question: 'What is the capital of Australia?' },
] as const;

async function measure(
  label: string,
  facts: Fact[],
  entities: Entity[],
  runs: number,
): Promise<BenchFigure[]> {
  const i18n = await loadI18n();
  const started = performance.now();
  const index = createFactIndex(facts, entities);
  const indexMs = performance.now() - started;
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const answerer = createAnswerer({
    getFact: (id) => byId.get(id),
    entities: () => entities,
    select: (question, lang) => selectFacts(index, question, lang),
    translate: (lang) => asTranslate(fixedT(i18n, lang)),
    log: silentLogger,
  });
  const pick = (i: number) => QUESTIONS[i % QUESTIONS.length]!;
  const search = await sample((i) => selectFacts(index, pick(i).question, pick(i).lang), runs);
  const answers = await sample((i) => answerer.answer({ ...pick(i), mode: 'template' }), runs);
  return [
    { group: 'answers', name: `index build, ${label}`, value: indexMs, unit: 'ms' },
    { group: 'answers', name: `search p50, ${label}`, value: percentile(search, 50), unit: 'ms' },
    { group: 'answers', name: `search p99, ${label}`, value: percentile(search, 99), unit: 'ms' },
    { group: 'answers', name: `templated answer p50, ${label}`, value: percentile(answers, 50), unit: 'ms' },
    {
      group: 'answers',
      name: `templated answer p99, ${label}`,
      value: percentile(answers, 99),
      unit: 'ms',
      target: 10,
    },
  ];
}

/** Search and templated-answer latency over the seed and over a generated 10 k-fact store. */
export const bench: Bench = async () => {
  const seed = loadSeed();
  const large = generateFacts(10_000);
  return [
    ...(await measure('seed', seed.facts, seed.entities, 700)),
    ...(await measure('10k facts', large.facts, large.entities, 300)),
  ];
};
