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

const EVAL = resolve(import.meta.dirname, '..', '..', 'shared', 'eval');
/** The baseline costs tens of ms a sentence: its timed pass stops after this. */
const BASELINE_BUDGET_MS = 15_000;

const readCases = (name: string): Case[] =>
  readFileSync(resolve(EVAL, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case);

const accuracy = (verifier: Verifier, cases: readonly Case[]) =>
  (100 * cases.filter((c) => verifier.verify(c.text, c.lang).ok === (c.expect === 'pass')).length) /
  cases.length;

/** Microseconds per sentence over `budget` ms (at least one pass over the cases). */
function costPerSentence(verifier: Verifier, cases: readonly Case[], budget: number): number {
  let count = 0;
  const started = performance.now();
  do {
    for (const c of cases) {
      verifier.verify(c.text, c.lang);
      count++;
    }
  } while (performance.now() - started < budget);
  return ((performance.now() - started) * 1000) / count;
}

/**
 * The whole verifier (extraction, matching against the seed, attribution, the claim around each number) on the
 * public cases, side by side with the same verifier fed by Microsoft Recognizers-Text: accuracy on the number cases
 * and on the claim cases, and sentences per second. The claim checks' own cost is the same verifier with them off.
 */
export const bench: Bench = async () => {
  const numbers = readCases('verify-public.jsonl');
  const claims = readCases('claims-public.jsonl');
  const all = [...numbers, ...claims];
  const { facts, entities } = loadSeed();
  const ours = createVerifier(facts, entities);
  const bare = createVerifier(facts, entities, { claims: false });
  costPerSentence(ours, all, 200);
  costPerSentence(bare, all, 200);
  const withClaims = costPerSentence(ours, all, 2000);
  const withoutClaims = costPerSentence(bare, all, 2000);
  const suite = await loadSuite();
  const baseline = createVerifier(facts, entities, {
    extract: (text, lang) => recognizeMentions(suite, text, lang),
  });
  for (const c of all.slice(0, 4)) baseline.verify(c.text, c.lang);
  const theirs = costPerSentence(baseline, all, BASELINE_BUDGET_MS);
  const floor = (value: number) => ({ label: 'same verifier on Recognizers-Text', value });
  const figures: BenchFigure[] = [
    {
      group: 'verifier',
      name: 'verify-public accuracy',
      value: accuracy(ours, numbers),
      unit: '%',
      floor: floor(accuracy(baseline, numbers)),
      target: 100,
    },
    {
      group: 'verifier',
      name: 'claims-public accuracy',
      value: accuracy(ours, claims),
      unit: '%',
      floor: floor(accuracy(baseline, claims)),
      target: 100,
    },
    {
      group: 'verifier',
      name: 'claims-public accuracy, claim checks off',
      value: accuracy(bare, claims),
      unit: '%',
    },
    {
      group: 'verifier',
      name: 'sentences verified per second',
      value: 1e6 / withClaims,
      unit: 'sentences/s',
      floor: floor(1e6 / theirs),
    },
    {
      group: 'verifier',
      name: 'cost per sentence, claim checks on',
      value: withClaims,
      unit: 'µs',
      floor: { label: 'same verifier, claim checks off', value: withoutClaims },
    },
  ];
  return figures;
};
