import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractNumbers } from '../facts/numbers/index.ts';
import type { Lang } from '../facts/schema/index.ts';
import { loadSuite, recognizeMentions, type Suite } from './recognizers.ts';
import type { Bench, BenchFigure } from './types.ts';

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

/** The repository root, wherever this bench file sits in it. */
function repositoryRoot(): string {
  let folder = import.meta.dirname;
  while (!existsSync(resolve(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

const ROOT = repositoryRoot();
const SHARED = resolve(ROOT, '..', 'shared');
/** Recognizers-Text spec cases beyond peer-numbers (tests/facts/numbers/fixtures/README.md). */
const EXTRA = resolve(ROOT, 'tests', 'facts', 'numbers', 'fixtures', 'recognizers-extra.jsonl');
const SEED = resolve(SHARED, 'seeds', '000_8898a3c269ac9cdc.txt');
const PEER = resolve(SHARED, 'eval', 'peer-numbers.jsonl');
/** Recognizers costs 20–100 ms a sentence after a 10–20 s warm-up: its timed pass stops here to keep the bench short. */
const RECOGNIZERS_BUDGET_MS = 40_000;
/**
 * Ours is timed in short windows, before Recognizers fills the heap, and the median kept: a burst of other load on a
 * shared machine then skews one window, not the figure.
 */
const OURS_WINDOW_MS = 250;
const OURS_WINDOWS = 8;

const readCases = (path: string): PeerCase[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PeerCase);

function readSentences(): { seed: Sentence[]; peer: PeerCase[]; extra: PeerCase[] } {
  const seed = readFileSync(SEED, 'utf8')
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text): Sentence => ({ lang: 'fr', text }));
  return { seed, peer: readCases(PEER), extra: readCases(EXTRA) };
}

/** The baseline's mentions, scored like ours. */
const recognize = (suite: Suite, sentence: Sentence): Found[] =>
  recognizeMentions(suite, sentence.text, sentence.lang);

const ours = (sentence: Sentence): Found[] => extractNumbers(sentence.text, sentence.lang);

/** The extra suite counts a spoken fraction as a plain number, as Recognizers does. */
const asCount = (found: Found[]): Found[] =>
  found.map((f) => (f.unit === 'fraction' ? { value: f.value, unit: 'count' } : f));

/** French and English cases alternately, so a budget cut leaves both languages sampled. */
function interleave(cases: readonly PeerCase[]): PeerCase[] {
  const french = cases.filter((p) => p.lang === 'fr');
  const english = cases.filter((p) => p.lang === 'en');
  const ordered: PeerCase[] = [];
  for (let i = 0; i < Math.max(french.length, english.length); i++) {
    if (french[i]) ordered.push(french[i]!);
    if (english[i]) ordered.push(english[i]!);
  }
  return ordered;
}

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
  const { seed, peer, extra } = readSentences();
  const cases = [...peer, ...extra];
  const sentences = [...seed, ...cases.map(({ lang, text }) => ({ lang, text }))];

  let started = performance.now();
  ours({ lang: 'fr', text: seed[0]!.text });
  ours({ lang: 'en', text: peer.find((p) => p.lang === 'en')!.text });
  const oursWarmup = performance.now() - started;
  time(sentences, ours, 200, true);
  const windows = Array.from(
    { length: OURS_WINDOWS },
    () => time(sentences, ours, OURS_WINDOW_MS, true).micros,
  );
  const sorted = windows.sort((a, b) => a - b);
  const oursSpeed = { micros: (sorted[OURS_WINDOWS / 2 - 1]! + sorted[OURS_WINDOWS / 2]!) / 2 };
  const oursPeer = peer.map(ours);
  const oursExtra = extra.map((c) => asCount(ours(c)));

  started = performance.now();
  const suite = await loadSuite();
  for (const lang of ['fr', 'en'] as const) {
    for (const warm of sentences.filter((s) => s.lang === lang).slice(0, 3)) recognize(suite, warm);
  }
  const theirWarmup = performance.now() - started;
  // timed after warm-up: the peer and extra cases taken in turn (each French and English alternately; their results
  // give the recall), then the seed sentences, until the budget runs out, so a cut still samples both suites
  const orderedPeer = interleave(peer);
  const orderedExtra = interleave(extra);
  const timed: { sentence: Sentence; suite?: 'peer' | 'extra' }[] = [];
  for (let i = 0; i < Math.max(orderedPeer.length, orderedExtra.length); i++) {
    if (orderedPeer[i]) timed.push({ sentence: orderedPeer[i]!, suite: 'peer' });
    if (orderedExtra[i]) timed.push({ sentence: orderedExtra[i]!, suite: 'extra' });
  }
  for (const sentence of seed) timed.push({ sentence });
  const theirSpeed = time(
    timed.map((t) => t.sentence),
    (s) => recognize(suite, s),
    RECOGNIZERS_BUDGET_MS,
    false,
    20,
  );
  const theirPeerCases: PeerCase[] = [];
  const theirPeer: Found[][] = [];
  const theirExtraCases: PeerCase[] = [];
  const theirExtra: Found[][] = [];
  theirSpeed.results.forEach((found, i) => {
    const { sentence, suite: which } = timed[i]!;
    if (which === 'peer') {
      theirPeerCases.push(sentence as PeerCase);
      theirPeer.push(found);
    } else if (which === 'extra') {
      theirExtraCases.push(sentence as PeerCase);
      theirExtra.push(asCount(found));
    }
  });

  const floor = (value: number) => ({ label: 'Recognizers-Text', value });
  const sampled = `Recognizers on ${theirSpeed.count} of ${sentences.length} sentences`;
  const sample = (done: number, all: number) =>
    done < all ? ` (Recognizers on ${done} of ${all} cases)` : '';
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
  const suites = [
    ['peer-numbers', peer, oursPeer, theirPeerCases, theirPeer],
    ['recognizers-extra', extra, oursExtra, theirExtraCases, theirExtra],
  ] as const;
  for (const [name, all, oursFound, theirCases, theirFound] of suites) {
    for (const lang of ['fr', 'en', 'all'] as const) {
      figures.push({
        group: 'numbers',
        name: `${name} recall, ${lang}${sample(theirCases.length, all.length)}`,
        value: recall(all, oursFound, lang),
        unit: '%',
        floor: floor(recall(theirCases, theirFound, lang)),
        target: 90,
      });
    }
  }
  return figures;
};
