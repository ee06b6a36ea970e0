import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractNumbers } from '../../facts/numbers/index.ts';
import type { Lang } from '../../facts/schema/index.ts';
import type { Bench, BenchFigure } from './types.ts';

type Suite = typeof import('@microsoft/recognizers-text-suite');

interface Sentence {
  lang: Lang;
  text: string;
}

interface PeerCase extends Sentence {
  expect: { value: number; unit: string }[];
}

/** A number as both extractors are scored on: fully scaled value and unit (USD, percent, count…). */
interface Found {
  value: number;
  unit: string;
}

interface Result {
  start: number;
  end: number;
  typeName: string;
  resolution?: { value?: unknown; unit?: unknown } | null;
}

const SHARED = resolve(import.meta.dirname, '..', '..', '..', 'shared');
const SEED = resolve(SHARED, 'seeds', '000_8898a3c269ac9cdc.txt');
const PEER = resolve(SHARED, 'eval', 'peer-numbers.jsonl');
/** Recognizers costs 20–100 ms a sentence after a 10–20 s warm-up: its timed pass stops here to keep the bench short. */
const RECOGNIZERS_BUDGET_MS = 25_000;
const OURS_BUDGET_MS = 1_500;

function readSentences(): { seed: Sentence[]; peer: PeerCase[] } {
  const seed = readFileSync(SEED, 'utf8')
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text): Sentence => ({ lang: 'fr', text }));
  const peer = readFileSync(PEER, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PeerCase);
  return { seed, peer };
}

const CURRENCY: Record<string, { unit: string; factor: number }> = {
  Dollar: { unit: 'USD', factor: 1 },
  'Dollar États-Unis': { unit: 'USD', factor: 1 },
  'United States dollar': { unit: 'USD', factor: 1 },
  Cent: { unit: 'USD', factor: 0.01 },
  Euro: { unit: 'EUR', factor: 1 },
  Bitcoin: { unit: 'BTC', factor: 1 },
};

/** Recognizers resolutions are strings, with a decimal comma in French ("2,6", "0,25%"). */
const toNumber = (raw: unknown, lang: Lang): number | undefined => {
  if (typeof raw !== 'string') return undefined;
  const cleaned = raw.replace('%', '').trim();
  const value = Number(lang === 'fr' ? cleaned.replace(',', '.') : cleaned);
  return Number.isFinite(value) ? value : undefined;
};

/** The glue: currency, percentage and number results mapped to our units; a span already claimed is skipped. */
function recognize(suite: Suite, sentence: Sentence): Found[] {
  const culture = sentence.lang === 'fr' ? suite.Culture.French : suite.Culture.English;
  const currency = suite.recognizeCurrency(sentence.text, culture) as Result[];
  const percent = suite.recognizePercentage(sentence.text, culture) as Result[];
  const number = suite.recognizeNumber(sentence.text, culture) as Result[];
  suite.recognizeDimension(sentence.text, culture);
  suite.recognizeDateTime(sentence.text, culture, undefined, new Date(Date.UTC(2025, 10, 1)));
  const found: Found[] = [];
  const claimed: [number, number][] = [];
  const free = (r: Result) => !claimed.some(([start, end]) => r.start <= end && start <= r.end);
  const add = (r: Result, value: number | undefined, unit: string) => {
    if (value === undefined || !free(r)) return;
    claimed.push([r.start, r.end]);
    found.push({ value, unit });
  };
  for (const r of currency) {
    const mapped = CURRENCY[String(r.resolution?.unit)];
    const value = toNumber(r.resolution?.value, sentence.lang);
    if (mapped && value !== undefined) add(r, value * mapped.factor, mapped.unit);
  }
  for (const r of percent) add(r, toNumber(r.resolution?.value, sentence.lang), 'percent');
  for (const r of number) add(r, toNumber(r.resolution?.value, sentence.lang), 'count');
  return found;
}

const ours = (sentence: Sentence): Found[] => extractNumbers(sentence.text, sentence.lang);

/** Share of expected items found with the same unit and value (relative tolerance 1e-9), per language. */
function recall(cases: readonly PeerCase[], found: readonly Found[][], lang: Lang | 'all'): number {
  let expected = 0;
  let hits = 0;
  cases.forEach((peer, index) => {
    if (lang !== 'all' && peer.lang !== lang) return;
    for (const item of peer.expect) {
      expected++;
      const tolerance = 1e-9 * Math.max(1, Math.abs(item.value));
      if (found[index]!.some((f) => f.unit === item.unit && Math.abs(f.value - item.value) <= tolerance))
        hits++;
    }
  });
  return expected ? (100 * hits) / expected : Number.NaN;
}

/**
 * Runs `extract` over the sentences and times it: repeated until `budget` ms have passed when `loop`, else one pass
 * cut short after `budget` ms once at least `minimum` sentences are done.
 */
function time<T>(
  sentences: readonly Sentence[],
  extract: (s: Sentence) => T,
  budget: number,
  loop: boolean,
  minimum = 0,
) {
  const results: T[] = [];
  const started = performance.now();
  do {
    for (const sentence of sentences) {
      results.push(extract(sentence));
      if (!loop && results.length >= minimum && performance.now() - started > budget) break;
    }
  } while (loop && performance.now() - started < budget);
  return { micros: ((performance.now() - started) * 1000) / results.length, count: results.length, results };
}

/**
 * extractNumbers against Microsoft Recognizers-Text on the same sentences (the seed article and the peer-numbers
 * texts): throughput after warm-up, warm-up time, and peer-numbers recall per language.
 */
export const bench: Bench = async () => {
  const { seed, peer } = readSentences();
  const sentences = [...seed, ...peer.map(({ lang, text }) => ({ lang, text }))];

  let started = performance.now();
  ours({ lang: 'fr', text: seed[0]!.text });
  ours({ lang: 'en', text: peer.find((p) => p.lang === 'en')!.text });
  const oursWarmup = performance.now() - started;
  time(sentences, ours, 200, true);
  const oursSpeed = time(sentences, ours, OURS_BUDGET_MS, true);
  const oursFound = peer.map(ours);

  started = performance.now();
  const loaded = (await import('@microsoft/recognizers-text-suite')) as Suite & { default?: Suite };
  const suite = loaded.default ?? loaded;
  for (const lang of ['fr', 'en'] as const) {
    for (const warm of sentences.filter((s) => s.lang === lang).slice(0, 3)) recognize(suite, warm);
  }
  const theirWarmup = performance.now() - started;
  // timed after warm-up: peer texts, French and English alternately (their results give the recall), then the seed
  // sentences, until the budget runs out
  const french = peer.filter((p) => p.lang === 'fr');
  const english = peer.filter((p) => p.lang === 'en');
  const ordered: PeerCase[] = [];
  for (let i = 0; i < Math.max(french.length, english.length); i++) {
    if (french[i]) ordered.push(french[i]!);
    if (english[i]) ordered.push(english[i]!);
  }
  const theirSpeed = time(
    [...ordered, ...seed],
    (s) => recognize(suite, s),
    RECOGNIZERS_BUDGET_MS,
    false,
    20,
  );
  const theirCases = ordered.slice(0, theirSpeed.count);
  const theirFound = theirSpeed.results.slice(0, theirCases.length);

  const floor = (value: number) => ({ label: 'Recognizers-Text', value });
  const sampled = `Recognizers on ${theirSpeed.count} of ${sentences.length} sentences`;
  const recallSample =
    theirCases.length < peer.length ? ` (Recognizers on ${theirCases.length} of ${peer.length} cases)` : '';
  const figures: BenchFigure[] = [
    {
      group: 'numbers',
      name: 'extractNumbers throughput',
      value: 1e6 / oursSpeed.micros,
      unit: 'sentences/s',
      floor: floor(1e6 / theirSpeed.micros),
    },
    {
      group: 'numbers',
      name: `µs per sentence (${sampled})`,
      value: oursSpeed.micros,
      unit: 'µs',
      floor: floor(theirSpeed.micros),
      target: 100,
    },
    {
      group: 'numbers',
      name: 'warm-up: load + first FR and EN call',
      value: oursWarmup,
      unit: 'ms',
      floor: floor(theirWarmup),
    },
  ];
  for (const lang of ['fr', 'en', 'all'] as const) {
    figures.push({
      group: 'numbers',
      name: `peer-numbers recall, ${lang}${recallSample}`,
      value: recall(peer, oursFound, lang),
      unit: '%',
      floor: floor(recall(theirCases, theirFound, lang)),
      target: 90,
    });
  }
  return figures;
};
