import type { Lang, Qualifier } from '../schema/index.ts';
import { fold } from './fold.ts';
import { ENGLISH } from './lexicon-en.ts';
import { FRENCH } from './lexicon-fr.ts';
import { PhraseTable } from './phrases.ts';
import { type TokenizerConfig, tokenize } from './tokenize.ts';
import type { CurrencyPrefix, LexiconData, ScaleSpec, UnitSpec } from './types.ts';

/** A qualifier phrase and whether it only hedges dates ("avant", "after"). */
export interface QualifierEntry {
  qualifier: Qualifier;
  calendarOnly: boolean;
}

/** A language's vocabulary compiled for lookup: folded word sets and phrase tables. */
export interface Lexicon extends TokenizerConfig {
  data: LexiconData;
  qualifiers: PhraseTable<QualifierEntry>;
  prefixes: PhraseTable<CurrencyPrefix>;
  units: PhraseTable<UnitSpec>;
  /** Unit codes matched with their case ("$ AU", "CAD"). */
  exactUnits: PhraseTable<UnitSpec>;
  percentPrefixes: PhraseTable<true>;
  scaleWords: ReadonlyMap<string, ScaleSpec>;
  scaleAbbreviations: ReadonlyMap<string, ScaleSpec>;
  numberWords: ReadonlyMap<string, number>;
  hundredWords: ReadonlySet<string>;
  thousandWords: ReadonlySet<string>;
  bigWords: ReadonlyMap<string, ScaleSpec>;
  articles: ReadonlySet<string>;
  ambiguousWords: ReadonlySet<string>;
  loneOne: ReadonlySet<string>;
  andWords: ReadonlySet<string>;
  minusWords: ReadonlySet<string>;
  fractionWords: ReadonlyMap<string, number>;
  fractionFollowers: ReadonlySet<string>;
  decimalWords: ReadonlySet<string>;
  ratioWords: PhraseTable<true>;
  approximateNouns: ReadonlyMap<string, { value: number; exactWhenCounted?: boolean }>;
  ordinalEndings: readonly string[];
  halfArticles: ReadonlySet<string>;
  halfWords: ReadonlySet<string>;
  months: ReadonlyMap<string, number>;
  monthsNeedingCapital: ReadonlySet<string>;
  ordinals: ReadonlyMap<string, number>;
  quarterWords: ReadonlySet<string>;
  halfYearWords: ReadonlySet<string>;
  calendarLinkers: ReadonlySet<string>;
  rangeConnectives: ReadonlyMap<string, ReadonlySet<string> | null>;
  rangeOpeners: ReadonlySet<string>;
  durationFillers: ReadonlySet<string>;
  /** Folded words and symbols a mention can start with; any other token is skipped at once. */
  starters: ReadonlySet<string>;
}

/** Unit codes that may be glued to digits ("18MW", "5BTC"). */
const GLUED_UNITS = ['MW', 'GW', 'BTC', 'XBT', 'USD', 'EUR', 'pp', 'x', 'X'];

const foldSet = (words: readonly string[]) => new Set(words.map(fold));
const foldMap = <T>(record: Record<string, T>) =>
  new Map(Object.entries(record).map(([word, value]) => [fold(word), value]));

function compile(data: LexiconData): Lexicon {
  const config: TokenizerConfig = {
    lang: data.lang,
    rankingWords: foldSet(data.rankingWords),
    gluedSuffixes: new Set([...Object.keys(data.scaleAbbreviations), ...GLUED_UNITS]),
    gluedPrefixes: new Set(Object.keys(data.prefixes).filter((code) => /^\p{L}{3}$/u.test(code))),
  };
  const parts = (phrase: string, exact: boolean) =>
    tokenize(phrase, config).map((token) => (exact ? token.text : token.norm));
  const table = <T>(entries: Iterable<[string, T]>, exact = false) => {
    const result = new PhraseTable<T>(exact);
    for (const [phrase, value] of entries) result.add(parts(phrase, exact), value);
    return result;
  };
  const qualifiers = [
    ...Object.entries(data.qualifiers).map(([p, qualifier]): [string, QualifierEntry] => [
      p,
      { qualifier, calendarOnly: false },
    ]),
    ...Object.entries(data.calendarQualifiers).map(([p, qualifier]): [string, QualifierEntry] => [
      p,
      { qualifier, calendarOnly: true },
    ]),
  ];
  const firstParts = (phrases: Iterable<string>, exact = false) =>
    [...phrases].map((p) => fold(parts(p, exact)[0] ?? ''));
  const starters = new Set<string>([
    ...firstParts(Object.keys(data.qualifiers)),
    ...firstParts(Object.keys(data.calendarQualifiers)),
    ...firstParts(Object.keys(data.prefixes), true),
    ...firstParts(data.percentPrefixes),
    ...[
      ...Object.keys(data.numberWords),
      ...data.hundredWords,
      ...data.thousandWords,
      ...data.articles,
      ...data.minusWords,
      ...Object.keys(data.fractionWords),
      ...Object.keys(data.approximateNouns),
      ...data.halfArticles,
      ...data.halfWords,
      ...Object.keys(data.months),
      ...Object.keys(data.ordinals),
    ].map(fold),
    '-',
    '–',
    '—',
    '−',
  ]);
  return {
    ...config,
    data,
    starters,
    qualifiers: table(qualifiers),
    prefixes: table(Object.entries(data.prefixes), true),
    units: table(Object.entries(data.units).filter(([, spec]) => !spec.exact)),
    exactUnits: table(
      Object.entries(data.units).filter(([, spec]) => spec.exact),
      true,
    ),
    percentPrefixes: table(data.percentPrefixes.map((p): [string, true] => [p, true])),
    scaleWords: foldMap(data.scaleWords),
    scaleAbbreviations: new Map(Object.entries(data.scaleAbbreviations)),
    numberWords: foldMap(data.numberWords),
    hundredWords: foldSet(data.hundredWords),
    thousandWords: foldSet(data.thousandWords),
    bigWords: foldMap(data.bigWords),
    articles: foldSet(data.articles),
    ambiguousWords: foldSet(data.ambiguousWords),
    loneOne: foldSet(data.loneOne),
    andWords: foldSet(data.andWords),
    minusWords: foldSet(data.minusWords),
    fractionWords: foldMap(data.fractionWords),
    fractionFollowers: foldSet(data.fractionFollowers),
    decimalWords: foldSet(data.decimalWords),
    ratioWords: table(data.ratioWords.map((p): [string, true] => [p, true])),
    approximateNouns: foldMap(data.approximateNouns),
    ordinalEndings: [...foldSet(data.ordinalEndings)],
    halfArticles: foldSet(data.halfArticles),
    halfWords: foldSet(data.halfWords),
    months: foldMap(data.months),
    monthsNeedingCapital: foldSet(data.monthsNeedingCapital),
    ordinals: foldMap(data.ordinals),
    quarterWords: foldSet(data.quarterWords),
    halfYearWords: foldSet(data.halfYearWords),
    calendarLinkers: foldSet(data.calendarLinkers),
    rangeConnectives: new Map(
      Object.entries(data.rangeConnectives).map(([word, openers]) => [
        fold(word),
        openers ? foldSet(openers) : null,
      ]),
    ),
    rangeOpeners: foldSet(data.rangeOpeners),
    durationFillers: foldSet(data.durationFillers),
  };
}

const compiled = new Map<Lang, Lexicon>();

/** The compiled vocabulary of a language, built once. */
export function lexiconFor(lang: Lang): Lexicon {
  let lexicon = compiled.get(lang);
  if (!lexicon) {
    lexicon = compile(lang === 'fr' ? FRENCH : ENGLISH);
    compiled.set(lang, lexicon);
  }
  return lexicon;
}
