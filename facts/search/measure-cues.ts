import type { Lang, Measure } from '../schema/index.ts';
import { foldText } from './fold.ts';

/** A measure's cue words of both languages as one pattern on folded text: readers mix languages. */
type CuePattern = { id: string; pattern: RegExp };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One cue as a pattern on whole words; a trailing `*` (`liquidat*`) matches any ending. */
const cueSource = (cue: string): string => {
  const folded = foldText(cue.trim());
  const open = folded.endsWith('*');
  const body = escapeRegExp(open ? folded.slice(0, -1) : folded).replace(/\s+/g, '\\s+');
  return open ? `${body}\\p{L}*` : body;
};

/** The end of "how many" or "combien de": the words after it say what is counted. */
const COUNTING = /(?:how\s+many\s*|combien\s+(?:de\s+|d['’]\s*))$/iu;

const compiled = new WeakMap<readonly Measure[], CuePattern[]>();

function patternsOf(measures: readonly Measure[]): CuePattern[] {
  let patterns = compiled.get(measures);
  if (!patterns) {
    patterns = measures.map((measure) => {
      const cues = [...measure.cues.fr, ...measure.cues.en].map(cueSource).join('|');
      return { id: measure.id, pattern: new RegExp(`(?<![\\p{L}\\d])(?:${cues})(?![\\p{L}\\d])`, 'u') };
    });
    compiled.set(measures, patterns);
  }
  return patterns;
}

/**
 * The measures a question names by their cue words (the registry's, in French and English), once the spans of
 * entity names are blanked out: "net loss" in "Bitdeer's net loss" is asked, "site" in "Bitfarms Washington site"
 * is a name.
 */
export function cuedMeasures(
  question: string,
  _lang: Lang,
  measures: readonly Measure[],
  names: readonly { start: number; end: number }[] = [],
): string[] {
  let text = question;
  for (const { start, end } of names) {
    // "How many public entities…", "combien d'entités publiques…": the name is what is counted, so it stays.
    if (COUNTING.test(question.slice(0, start))) continue;
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  }
  const folded = foldText(text);
  return patternsOf(measures)
    .filter(({ pattern }) => pattern.test(folded))
    .map(({ id }) => id);
}
