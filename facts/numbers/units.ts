import type { Core } from './core.ts';
import type { Lexicon } from './lexicon.ts';
import { readScale } from './scales.ts';
import type { Token } from './tokenize.ts';
import type { NumberUnit, UnitSpec } from './types.ts';
import { readSpelledNumber } from './words.ts';

const DURATIONS = new Set<NumberUnit>(['years', 'months', 'days']);

export const isDash = (token: Token | undefined): boolean =>
  token?.kind === 'sym' && /^[-‐‑–—−]$/.test(token.text);

/** A unit read after a number. */
export interface UnitMatch {
  spec: UnitSpec;
  next: number;
}

/** What is known of the number a unit follows. */
export interface UnitContext {
  hasScaleWord: boolean;
  digits: boolean;
  /** The currency written before the number, if any. */
  prefix: string | undefined;
}

/**
 * Reads a unit at `index`: "%", "dollars", "de dollars" (after a scale word), "$US", "-megawatt" (glued by a
 * hyphen), "derniers mois". After a currency prefix only the same currency written as a word is taken, so in
 * "$ 20 $ 30" the second $ starts the next amount.
 */
export function readUnit(
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
  context: UnitContext,
): UnitMatch | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  let found = lexicon.exactUnits.match(tokens, index) ?? lexicon.units.match(tokens, index);
  if (
    !found &&
    isDash(token) &&
    tokens[index - 1]?.end === token.start &&
    tokens[index + 1]?.start === token.end
  ) {
    const hyphenated = lexicon.units.match(tokens, index + 1);
    if (tokens[index + 1]!.kind === 'word') found = hyphenated;
  }
  if (!found && lexicon.durationFillers.has(token.norm)) {
    const filled = lexicon.units.match(tokens, index + 1);
    if (filled && DURATIONS.has(filled.value.unit)) found = filled;
  }
  if (!found) return undefined;
  const spec = found.value;
  if (spec.needsScale && !context.hasScaleWord) return undefined;
  if (spec.afterDigits && !context.digits) return undefined;
  if (spec.glued && tokens[index - 1]?.end !== token.start) return undefined;
  if (context.prefix && (token.kind === 'sym' || spec.unit !== context.prefix)) return undefined;
  return { spec, next: found.next };
}

/** Reads the number at `index`: digits (with a mixed fraction "2 1/4") or spelled words. */
export function readCore(tokens: readonly Token[], index: number, lexicon: Lexicon): Core | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  if (token.kind === 'word') return readSpelledNumber(tokens, index, lexicon);
  if (token.kind !== 'num') return undefined;
  const digits = token.num!;
  const fraction = tokens[index + 1];
  const mixed =
    digits.isInteger &&
    !digits.fraction &&
    fraction?.kind === 'num' &&
    fraction.num!.fraction &&
    fraction.num!.value > 0;
  const value = mixed ? digits.value + Math.sign(digits.value || 1) * fraction!.num!.value : digits.value;
  return {
    first: index,
    next: mixed ? index + 2 : index + 1,
    value,
    precExp: mixed ? -2 : digits.precExp,
    plain: digits.plain,
    isInteger: digits.isInteger && !mixed && !digits.fraction,
    words: false,
    fraction: false,
    scale: 'one',
    hasScaleWord: false,
    gate: 'none',
  };
}

/**
 * Cents after a whole number of dollars: "3 dollars 50 cents", "thirteen dollars and forty-five cents", and, when
 * both are spelled, "thirteen dollars forty five".
 */
export function readCents(
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
  spelled: boolean,
): { cents: number; next: number } | undefined {
  const start = lexicon.andWords.has(tokens[index]?.norm ?? '') ? index + 1 : index;
  const core = readCore(tokens, start, lexicon);
  if (!core?.isInteger || core.fraction || core.value <= 0 || core.value >= 100) return undefined;
  if (readScale(tokens, core.next, lexicon, true)) return undefined;
  const unit = lexicon.units.match(tokens, core.next);
  // the cents word of any currency ("cents", "centimes") counts in the currency already written
  if (unit) return unit.value.exp === -2 ? { cents: core.value, next: unit.next } : undefined;
  if (spelled) return core.words ? { cents: core.value, next: core.next } : undefined;
  // "15 dollars 20": two digits right after a currency word, ending the phrase
  const after = tokens[core.next];
  const twoDigits = !core.words && tokens[core.first]!.text.length === 2 && start === index;
  const ends = !after || (after.kind === 'sym' && !isDash(after));
  return twoDigits && ends && tokens[index - 1]?.kind === 'word'
    ? { cents: core.value, next: core.next }
    : undefined;
}
