import type { Lang } from '../schema/index.ts';
import { foldText } from '../search/index.ts';
import { isStopWord } from '../search/stopwords.ts';
import { camelOf, phrasePattern, wordsOf } from './text.ts';
import type { MeasureCues } from './types.ts';

interface Compiled {
  id: string;
  units: readonly string[];
  patterns: Record<Lang, RegExp[]>;
}

const compiledFor = new WeakMap<readonly MeasureCues[], Compiled[]>();

function compile(measures: readonly MeasureCues[]): Compiled[] {
  let compiled = compiledFor.get(measures);
  if (!compiled) {
    compiled = measures.map((measure) => ({
      id: measure.id,
      units: measure.units,
      patterns: { fr: measure.cues.fr.map(phrasePattern), en: measure.cues.en.map(phrasePattern) },
    }));
    compiledFor.set(measures, compiled);
  }
  return compiled;
}

/** Where a number sits inside the text searched for cues, and what unit it carries. */
export interface MeasureTarget {
  start: number;
  end: number;
  unit: string;
}

// A cue after the number is half as likely to be its measure as one before ("a net loss of $46 million").
const AFTER_WEIGHT = 1.5;

/**
 * The registry measure whose cue words stand nearest the number within `scope` (a clause, folded offsets kept),
 * among the measures that take its unit. Cues in the source language count; none near means none.
 */
export function nearestMeasure(
  scope: string,
  target: MeasureTarget,
  lang: Lang,
  measures: readonly MeasureCues[],
): string | undefined {
  const folded = foldText(scope);
  let best: { id: string; distance: number } | undefined;
  for (const measure of compile(measures)) {
    if (!measure.units.includes(target.unit)) continue;
    for (const pattern of measure.patterns[lang]) {
      pattern.lastIndex = 0;
      for (const match of folded.matchAll(pattern)) {
        const end = match.index + match[0].length;
        const distance =
          end <= target.start
            ? target.start - end
            : match.index >= target.end
              ? (match.index - target.end) * AFTER_WEIGHT
              : 0;
        if (!best || distance < best.distance) best = { id: measure.id, distance };
      }
    }
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
