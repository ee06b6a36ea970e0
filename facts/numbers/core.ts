import type { Scale } from '../schema/index.ts';

/**
 * Why a spelled number may not stand alone: `article` (un, a: only before a scale or fraction, or hedged with a
 * unit), `loneOne` ("one" is also a pronoun), `ambiguous` ("neuf" is also "new").
 */
export type Gate = 'none' | 'article' | 'loneOne' | 'ambiguous';

/** The number itself, before any scale or unit written after it. */
export interface Core {
  /** Token indices: first token, and the first token after the number. */
  first: number;
  next: number;
  value: number;
  /** Precision as a power of ten; `precision` overrides it for spoken fractions. */
  precExp: number;
  precision?: number;
  /** Plain digits only (no sign, separator or decimals): a candidate year. */
  plain: boolean;
  isInteger: boolean;
  /** Spelled out ("trois", "twenty-one"). */
  words: boolean;
  /** A spoken fraction ("un tiers", "half"): unit `fraction`. */
  fraction: boolean;
  /** Scale written inside a spelled number ("un milliard"); already applied to `value`. */
  scale: Scale;
  /** A scale word ends the number, so "de dollars" may follow. */
  hasScaleWord: boolean;
  gate: Gate;
  /** An approximate count ("une trentaine", "a dozen"): hedged "about" unless the text hedges it otherwise. */
  approximate?: boolean;
}
