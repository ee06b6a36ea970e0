import type { Lang, Qualifier, QuantityUnit, Scale } from '../schema/index.ts';

/**
 * What a number measures: a stored quantity unit, or `multiple` ("3x", "x2", "×1,9"), which the text may state
 * though no fact holds one yet.
 */
export type NumberUnit = QuantityUnit | 'multiple';

/** What a number written in a text measures: a quantity unit, or a calendar reference. */
export type MentionUnit = NumberUnit | 'year' | 'half' | 'quarter' | 'month' | 'date';

/** One number found in a text, with everything needed to compare it with a stored value. */
export interface NumberMention {
  /** The words as written, `text.slice(start, end)` (UTF-16 offsets, end exclusive). */
  text: string;
  start: number;
  end: number;
  /** Fully scaled: "9,7 milliards de dollars" is 9700000000, "8 cents" is 0.08, "un tiers" is 1/3. */
  value: number;
  unit: MentionUnit;
  /** The scale as written (`milliards` → billion, French `billion` → trillion). */
  scale: Scale;
  /** The absolute precision shown, fully scaled: "9,7 milliards" → 1e8, "48 200" → 100, "2,60" → 0.01. */
  precision: number;
  qualifier: Qualifier;
  /** Calendar mentions: `2025`, `2025-Q3`, `2025-H1`, `2025-07`, `2025-09-10`, or yearless `--07`, `--09-10`, `--Q3`. */
  period?: string;
}

/** A currency written before the number; `foreign` ones (C$, £…) have no unit of ours and leave a plain count. */
export type CurrencyPrefix = 'USD' | 'EUR' | 'BTC' | 'foreign' | 'multiple';

/** A unit word or symbol written after the number. */
export interface UnitSpec {
  unit: NumberUnit;
  /** Power of ten the unit applies: cents are -2. */
  exp?: number;
  /** Only after a scale word: "millions de dollars", never "5 de dollars". */
  needsScale?: boolean;
  /** Only after digits: French "50 cents" is money, "deux cents" is 200. */
  afterDigits?: boolean;
  /** A currency we have no unit for ("$ CA", "Canadian dollars"): read so it is not taken for US dollars. */
  foreign?: boolean;
  /** Matched with its case: "$ AU" is Australian, "$ au T3" is French. */
  exact?: boolean;
  /** Only glued to the number: "3x" is a multiple, "3 x 4" a product. */
  glued?: boolean;
}

/** A scale word or abbreviation written after the number. */
export interface ScaleSpec {
  exp: number;
  scale: Scale;
  /** `adjacent`: glued to the digits (9.7B); `unitAfter`: glued, or spaced when a unit follows (46 M$). */
  placement?: 'any' | 'adjacent' | 'unitAfter';
  /** Only with a currency before or after ($5m, $2.1T). */
  currency?: boolean;
}

/** How a unit is written by the formatter. */
export interface UnitFormat {
  /** Written before the number, glued: `$`, `€`. */
  prefix?: string;
  /** Written after the number: singular and plural forms. */
  one?: string;
  many?: string;
  /** Glue between the number and a symbol suffix (U+202F before % in French, nothing in English). */
  joiner?: string;
  /** After a scale word ("millions de dollars"). */
  afterScaleWord?: string;
  /** After a scale abbreviation ("k$"). */
  afterScaleAbbreviation?: string;
}

/** The words the formatter writes for one language. */
export interface FormatWords {
  scales: Record<Exclude<Scale, 'one'>, { one: string; many: string; glued?: boolean }>;
  /** Every unit a number can carry, `multiple` included, so the formatter stays the reader's inverse. */
  units: Record<NumberUnit, UnitFormat>;
  qualifiers: Record<Qualifier, string>;
  calendarQualifiers: Record<Qualifier, string>;
  /** Numerators 1–9 for spoken fractions ("un", "deux"… / "a", "two"…). */
  numerators: readonly string[];
  /** Denominators 3–10: singular and plural ("tiers", "quart(s)" / "third(s)"…). */
  denominators: Record<number, { one: string; many: string }>;
  half: string;
  quarterPrefix: string;
  halfPrefix: string;
  span: { before: string; between: string };
  /** Singular below 2 (French) or only for exactly 1 (English). */
  pluralFrom: 'two' | 'notOne';
}

/** Everything the parser and formatter know about one language: data only. */
export interface LexiconData {
  lang: Lang;
  qualifiers: Record<string, Qualifier>;
  /** Hedges that only apply to dates ("avant", "after"). */
  calendarQualifiers: Record<string, Qualifier>;
  prefixes: Record<string, CurrencyPrefix>;
  units: Record<string, UnitSpec>;
  /** Scale words matched case-insensitively (million, milliards). */
  scaleWords: Record<string, ScaleSpec>;
  /** Scale abbreviations matched exactly (k, M, Md, bn, B). */
  scaleAbbreviations: Record<string, ScaleSpec>;
  /** Spelled numbers 0–90 that add up. */
  numberWords: Record<string, number>;
  hundredWords: readonly string[];
  thousandWords: readonly string[];
  /** Spelled scale words inside a spelled number ("deux cent cinquante millions"). */
  bigWords: Record<string, ScaleSpec>;
  /** `un`/`a`: a number only before a scale or fraction word. */
  articles: readonly string[];
  /** Words that are numbers only with a unit or scale ("neuf" is also "new"). */
  ambiguousWords: readonly string[];
  /** "one" alone is a pronoun; with a unit it is a number. */
  loneOne: readonly string[];
  /** "vingt et un", "one hundred and five". */
  andWords: readonly string[];
  minusWords: readonly string[];
  /** Denominators written as words (tiers → 3, thirds → 3). */
  fractionWords: Record<string, number>;
  /** "three point five", "trois virgule cinq": the decimal mark of a spelled number. */
  decimalWords: readonly string[];
  /**
   * Nouns of an approximate count ("une trentaine", "a dozen"): their value, and whether a numeral before them makes
   * an exact count ("3 douzaines" is 36, "deux centaines" about 200).
   */
  approximateNouns: Record<string, { value: number; exactWhenCounted?: boolean }>;
  /** Endings of spelled ordinals ("unième", "twenty-first"), which make the words before them no cardinal. */
  ordinalEndings: readonly string[];
  /** Between a whole number and a larger one that divides it ("un sur trois", "one in five", "out of"). */
  ratioWords: readonly string[];
  /** Words allowed after a fraction word (of, de, des…). */
  fractionFollowers: readonly string[];
  /** Articles that make "moitié" a half ("la moitié"); in English "half" stands alone. */
  halfArticles: readonly string[];
  halfWords: readonly string[];
  months: Record<string, number>;
  /** Month words that need a capital to be months (English "may", "march"). */
  monthsNeedingCapital: readonly string[];
  ordinals: Record<string, number>;
  quarterWords: readonly string[];
  halfYearWords: readonly string[];
  /** Between a quarter and its year: "of", "de". */
  calendarLinkers: readonly string[];
  /** Words after which a space-grouped number is two numbers ("les 20 100 plus grands"). */
  rankingWords: readonly string[];
  /** Range connectives and the opener they need, if any ("et" needs "entre"). */
  rangeConnectives: Record<string, readonly string[] | null>;
  /** Openers that make a bare year the start of a numeric range ("de 2000 à 3000 salariés"). */
  rangeOpeners: readonly string[];
  /** Words allowed between a number and a duration unit ("12 derniers mois"). */
  durationFillers: readonly string[];
  /** Percent written before the number ("percent of 10"). */
  percentPrefixes: readonly string[];
  format: FormatWords;
}
