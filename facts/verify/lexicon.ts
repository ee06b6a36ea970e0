import { ENGLISH } from '../numbers/lexicon-en.ts';
import { FRENCH } from '../numbers/lexicon-fr.ts';
import type { Lang, Measure } from '../schema/index.ts';
import { escapeRegex, fold, PhraseSet } from './phrases.ts';
import en from './words/en.json' with { type: 'json' };
import fr from './words/fr.json' with { type: 'json' };

export type Direction = 'up' | 'down';
export type Relation = 'gt' | 'lt';

/** A direction word: general (`measure` unset), or one that only a change measure uses ("beat", "missed"). */
export interface DirectionTag {
  dir: Direction;
  measure?: string;
}

export interface ComparatorTag {
  relation: Relation;
  /** Compares signed moves (outperformed): a 7.5 % fall beats an 18 % fall. */
  signed: boolean;
  /** A ratio ("twice"): the left side is about `ratio` times the right. */
  ratio?: number;
}

/** Everything the claim reader knows of one language, compiled once per registry. */
export interface ClaimLexicon {
  lang: Lang;
  cues: PhraseSet<string>;
  directions: PhraseSet<DirectionTag>;
  previous: PhraseSet<true>;
  relativeYears: PhraseSet<number>;
  windows: PhraseSet<number>;
  months: PhraseSet<number>;
  comparators: PhraseSet<ComparatorTag>;
  derived: PhraseSet<true>;
  negation: RegExp;
  /** A singular pronoun or "the company": a sentence with one speaks of the previous sentence's subject. */
  anaphor: RegExp;
  directionIgnored: RegExp;
  expectedBefore: RegExp;
  expectedAfter: RegExp;
  baseLink: RegExp;
  toLink: RegExp;
  fromBefore: RegExp;
  rangeBefore: RegExp;
  anchorBefore: RegExp;
  monthPrefix: RegExp;
  verbBefore: RegExp | undefined;
  splitComparator: RegExp;
  thenWord: RegExp;
  thenExcluded: RegExp | undefined;
  smallAdjective: RegExp | undefined;
}

type Words = typeof en & { smallAdjectives?: string[]; thenExclusions?: string[] };
const WORDS: Record<Lang, Words> = { en, fr };

/** A regex alternation of folded phrases, longest first, each starting on a word boundary unless it starts with a mark. */
const alternation = (phrases: readonly string[]) =>
  [...phrases]
    .map((phrase) => fold(phrase))
    .sort((a, b) => b.length - a.length)
    .map(
      (phrase) =>
        `${/^[\p{L}\p{N}]/u.test(phrase) ? '(?<![\\p{L}\\p{N}])' : ''}${escapeRegex(phrase).replace(/\s+/g, '\\s+')}`,
    )
    .join('|');
const filler = (words: Words) => `(?:(?:${alternation(words.fillers)})\\s*)*`;

function compile(lang: Lang, measures: readonly Measure[]): ClaimLexicon {
  const words = WORDS[lang];
  const numberWords = lang === 'fr' ? FRENCH : ENGLISH;
  const entries = <T>(groups: Record<string, readonly string[]>, tag: (key: string) => T) =>
    Object.entries(groups).flatMap(([key, list]) => list.map((phrase) => [phrase, tag(key)] as const));
  const changeWords = measures.flatMap((measure) =>
    (['up', 'down'] as const).flatMap((dir) =>
      (measure.change?.words?.[dir][lang] ?? []).map(
        (phrase) => [phrase, { dir, measure: measure.id }] as const,
      ),
    ),
  );
  const comparators = [
    ...entries(
      words.comparators,
      (key): ComparatorTag => ({
        relation: key === 'gt' || key === 'signedGt' ? 'gt' : 'lt',
        signed: key.startsWith('signed'),
      }),
    ),
    ...entries(words.ratios, (key): ComparatorTag => ({ relation: 'gt', signed: false, ratio: Number(key) })),
  ];
  const split = words.splitComparators;
  return {
    lang,
    cues: new PhraseSet(
      measures.flatMap((measure) => measure.cues[lang].map((cue) => [cue, measure.id] as const)),
    ),
    directions: new PhraseSet<DirectionTag>([
      ...words.up.map((phrase) => [phrase, { dir: 'up' as const }] as const),
      ...words.down.map((phrase) => [phrase, { dir: 'down' as const }] as const),
      ...changeWords,
    ]),
    previous: new PhraseSet(words.previous.map((phrase) => [phrase, true as const] as const)),
    relativeYears: new PhraseSet(entries(words.relativeYears, Number)),
    windows: new PhraseSet(entries(words.windows, Number)),
    months: new PhraseSet(
      Object.entries(numberWords.months)
        .filter(([name]) => name.length > 3 && !numberWords.monthsNeedingCapital.includes(name))
        .map(([name, month]) => [name, month] as const),
    ),
    comparators: new PhraseSet(comparators),
    derived: new PhraseSet(words.derived.map((phrase) => [phrase, true as const] as const)),
    anaphor: new RegExp(`(?:${alternation(words.anaphors)})(?![\\p{L}\\p{N}])`, 'u'),
    negation: new RegExp(
      `(?:${alternation(words.negators)})(?:[^\\p{L}\\p{N}]+[\\p{L}'’]+){0,2}[^\\p{L}\\p{N}]*$`,
      'u',
    ),
    directionIgnored: new RegExp(`^\\s*(?:${alternation(words.directionIgnoredBefore)})(?![\\p{L}])`, 'u'),
    expectedBefore: new RegExp(
      `(?:${alternation(words.expectedBefore)})(?:[\\s,:]+[\\p{L}'’]+){0,3}[\\s,:]*$`,
      'u',
    ),
    expectedAfter: new RegExp(`^[\\s,]*(?:${alternation(words.expectedAfter)})(?![\\p{L}])`, 'u'),
    baseLink: new RegExp(`^[\\s,(]*(?:${alternation(words.baseLinks)})[\\s:]*${filler(words)}$`, 'u'),
    toLink: new RegExp(`^[\\s,]*(?:${alternation(words.toLinks)})\\s*${filler(words)}$`, 'u'),
    fromBefore: new RegExp(`(?:${alternation(words.fromWords)})\\s*${filler(words)}$`, 'u'),
    rangeBefore: new RegExp(`(?:${alternation(['between', 'entre'])})\\s*${filler(words)}$`, 'u'),
    anchorBefore: new RegExp(
      `(?:${alternation([...words.anchors, 'by', 'within', "d'ici"])})\\s*(?:(?:the|la|le|l')\\s*)?(?:${alternation(words.monthPrefixes)})?\\s*(?:(?:the|la|le|l')\\s*)?$`,
      'u',
    ),
    monthPrefix: new RegExp(`(?:${alternation(words.monthPrefixes)})\\s*$`, 'u'),
    verbBefore: words.verbMarkers.length
      ? new RegExp(`(?:${alternation(words.verbMarkers)})\\s+$`, 'u')
      : undefined,
    splitComparator: new RegExp(
      `(?<![\\p{L}])(?:(${alternation(split.gt)})|(${alternation(split.lt)}))(?![\\p{L}])`,
      'gu',
    ),
    thenWord: new RegExp(
      `(?<![\\p{L}])(?:${split.then.map((w) => `${escapeRegex(fold(w))}${w.endsWith("'") ? '' : '(?![\\p{L}])'}`).join('|')})`,
      'gu',
    ),
    thenExcluded: words.thenExclusions
      ? new RegExp(`(?:${alternation(words.thenExclusions)})[\\s']*$`, 'u')
      : undefined,
    smallAdjective: words.smallAdjectives
      ? new RegExp(`(?<![\\p{L}])(?:${alternation(words.smallAdjectives)})(?![\\p{L}])`, 'u')
      : undefined,
  };
}

const cache = new Map<string, ClaimLexicon>();

/** The claim lexicon of a language for a measure registry (cached per registry content). */
export function claimLexicon(lang: Lang, measures: readonly Measure[]): ClaimLexicon {
  const key = `${lang}\u0001${measures.map((measure) => measure.id).join(',')}`;
  let lexicon = cache.get(key);
  if (!lexicon) {
    if (cache.size > 16) cache.clear();
    lexicon = compile(lang, measures);
    cache.set(key, lexicon);
  }
  return lexicon;
}
