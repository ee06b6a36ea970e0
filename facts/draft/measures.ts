import type { Lang } from '../schema/index.ts';
import { foldText } from '../search/index.ts';
import { isStopWord } from '../search/stopwords.ts';
import { camelOf, wordsOf } from './text.ts';
import type { MeasureCues } from './types.ts';

/** One language's cue words of a whole registry as a single pattern, and which measures each cue says. */
interface CueIndex {
  pattern: RegExp;
  exact: Map<string, string[]>;
  prefixes: { prefix: string; ids: string[] }[];
  units: Map<string, readonly string[]>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function buildIndex(measures: readonly MeasureCues[], lang: Lang): CueIndex {
  const exact = new Map<string, string[]>();
  const prefixes: CueIndex['prefixes'] = [];
  const bodies = new Set<string>();
  for (const measure of measures) {
    for (const cue of measure.cues[lang]) {
      const folded = foldText(cue.trim()).replace(/\s+/g, ' ');
      if (!folded) continue;
      if (folded.endsWith('*')) {
        const prefix = folded.slice(0, -1);
        prefixes.push({ prefix, ids: [measure.id] });
        bodies.add(`${escapeRegExp(prefix).replace(/ /g, '\\s+')}[\\p{L}\\p{N}]*`);
      } else {
        exact.set(folded, [...(exact.get(folded) ?? []), measure.id]);
        bodies.add(escapeRegExp(folded).replace(/ /g, '\\s+'));
      }
    }
  }
  // Longest first, so "net loss" is found before "loss".
  const alternatives = [...bodies].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return { pattern, exact, prefixes, units: new Map(measures.map((measure) => [measure.id, measure.units])) };
}

// Registries are few and small: indexes are kept per content, so a store returning a fresh array costs nothing.
const indexes = new Map<string, CueIndex>();
const INDEXES_MAX = 8;

function indexFor(measures: readonly MeasureCues[], lang: Lang): CueIndex {
  const key = `${lang}\u0001${measures.map((measure) => `${measure.id}:${measure.units.join(',')}:${measure.cues[lang].join('|')}`).join('\u0002')}`;
  let index = indexes.get(key);
  if (!index) {
    if (indexes.size >= INDEXES_MAX) indexes.clear();
    index = buildIndex(measures, lang);
    indexes.set(key, index);
  }
  return index;
}

/** A cue found in a text: where, and the measures it says. */
export interface CueHit {
  start: number;
  end: number;
  ids: readonly string[];
}

/** Every cue of the registry in a text, in one pass (offsets of the folded text, which keeps the text's length). */
export function findCues(text: string, lang: Lang, measures: readonly MeasureCues[]): CueHit[] {
  const index = indexFor(measures, lang);
  const folded = foldText(text);
  const hits: CueHit[] = [];
  index.pattern.lastIndex = 0;
  for (const match of folded.matchAll(index.pattern)) {
    const words = match[0].replace(/\s+/g, ' ');
    const ids = [
      ...(index.exact.get(words) ?? []),
      ...index.prefixes.filter((item) => words.startsWith(item.prefix)).flatMap((item) => item.ids),
    ];
    if (ids.length) hits.push({ start: match.index, end: match.index + match[0].length, ids });
  }
  return hits;
}

/** Where a number sits, and what unit it carries. */
export interface MeasureTarget {
  start: number;
  end: number;
  unit: string;
}

// A cue after the number is half as likely to be its measure as one before ("a net loss of $46 million").
const AFTER_WEIGHT = 1.5;

/**
 * The registry measure whose cue stands nearest the number within a scope (a clause, offsets into the same text as
 * the hits), among the measures that take its unit. None near means none.
 */
export function nearestMeasure(
  hits: readonly CueHit[],
  scope: { start: number; end: number },
  target: MeasureTarget,
  measures: readonly MeasureCues[],
  lang: Lang,
): string | undefined {
  const units = indexFor(measures, lang).units;
  let best: { id: string; distance: number } | undefined;
  for (const hit of hits) {
    if (hit.start < scope.start || hit.end > scope.end) continue;
    const distance =
      hit.end <= target.start
        ? target.start - hit.end
        : hit.start >= target.end
          ? (hit.start - target.end) * AFTER_WEIGHT
          : 0;
    if (best && distance >= best.distance) continue;
    const id = hit.ids.find((candidate) => units.get(candidate)?.includes(target.unit));
    if (id) best = { id, distance };
  }
  return best?.id;
}

/**
 * A name for a measure the registry lacks, from the words that say what the number counts: the noun after a count
 * ("26 buildings" → `buildings`), else the subject words opening the clause ("adjusted EBITDA reached…").
 */
export function proposeMeasure(scope: string, target: MeasureTarget, lang: Lang): string {
  const content = (from: number, to: number) =>
    wordsOf(scope, from, to)
      .map((word) => word.word)
      .filter((word) => !/\d/.test(word) && !isStopWord(foldText(word), lang));
  if (target.unit === 'count') {
    const after = content(target.end, Math.min(scope.length, target.end + 40)).slice(0, 1);
    if (after.length) return camelOf(after);
  }
  const before = content(0, target.start).slice(0, 2);
  if (before.length) return camelOf(before);
  const after = content(target.end, scope.length).slice(0, 2);
  return after.length ? camelOf(after) : camelOf([target.unit]);
}
