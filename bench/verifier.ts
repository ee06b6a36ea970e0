import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Lang } from '../facts/schema/index.ts';
import { loadSeed } from '../facts/seed/index.ts';
import { createVerifier, type Verifier } from '../facts/verify/index.ts';
import { loadSuite, recognizeMentions } from './recognizers.ts';
import type { Bench, BenchFigure } from './types.ts';

interface Case {
  lang: Lang;
  text: string;
  expect: 'pass' | 'fail';
}

const PUBLIC = resolve(import.meta.dirname, '..', '..', 'shared', 'eval', 'verify-public.jsonl');
/** The baseline costs tens of ms a sentence: its timed pass stops after this. */
const BASELINE_BUDGET_MS = 15_000;

const readCases = (): Case[] =>
  readFileSync(PUBLIC, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case);

/** Share of cases judged as expected, and sentences verified per second over `budget` ms (at least one pass). */
function measure(verifier: Verifier, cases: readonly Case[], budget: number) {
  const right = cases.filter((c) => verifier.verify(c.text, c.lang).ok === (c.expect === 'pass')).length;
  let count = 0;
  const started = performance.now();
  do {
    for (const c of cases) {
      verifier.verify(c.text, c.lang);
      count++;
    }
  } while (performance.now() - started < budget);
  return {
    accuracy: (100 * right) / cases.length,
    perSecond: (count * 1000) / (performance.now() - started),
  };
}

/**
 * The whole verifier (extraction, matching against the seed, attribution) on the public cases, side by side with
 * the same verifier fed by Microsoft Recognizers-Text: accuracy and sentences per second.
 */
export const bench: Bench = async () => {
  const cases = readCases();
  const { facts, entities } = loadSeed();
  const ours = createVerifier(facts, entities);
  measure(ours, cases, 200);
  const mine = measure(ours, cases, 2000);
  const suite = await loadSuite();
  const baseline = createVerifier(facts, entities, (text, lang) => recognizeMentions(suite, text, lang));
  for (const c of cases.slice(0, 4)) baseline.verify(c.text, c.lang);
  const theirs = measure(baseline, cases, BASELINE_BUDGET_MS);
  const floor = (value: number) => ({ label: 'same verifier on Recognizers-Text', value });
  const figures: BenchFigure[] = [
    {
      group: 'verifier',
      name: 'verify-public accuracy',
      value: mine.accuracy,
      unit: '%',
      floor: floor(theirs.accuracy),
      target: 100,
    },
    {
      group: 'verifier',
      name: 'sentences verified per second',
      value: mine.perSecond,
      unit: 'sentences/s',
      floor: floor(theirs.perSecond),
    },
  ];
  return figures;
};
