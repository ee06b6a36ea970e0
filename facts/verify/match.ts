import type { NumberMention } from '../numbers/index.ts';
import { CALENDAR_UNITS, type FactValue, type Qualifier, SCALE_FACTOR } from '../schema/index.ts';
import { periodsAgree } from './calendar.ts';
import type { CheckReason } from './types.ts';

/** Misses ranked from nearest to farthest, so a report names the closest reason a number failed. */
export const REASON_RANK: readonly CheckReason[] = [
  'match',
  'qualifierContradiction',
  'periodMismatch',
  'roundingMismatch',
  'scaleMismatch',
  'unitMismatch',
  'noSuchValue',
];

export const isCalendar = (mention: Pick<NumberMention, 'unit'>): boolean => CALENDAR_UNITS.has(mention.unit);

const UPWARD = new Set<Qualifier>(['moreThan', 'atLeast']);
const DOWNWARD = new Set<Qualifier>(['lessThan', 'atMost']);

/**
 * "More than 17 %" written for a figure published as "less than 17 %" says the opposite; so does "more than" for
 * "nearly" (just under) and "nearly" for "more than", or going past the end of a published range ("more than 5
 * years" for "3 to 5 years").
 */
const contradicts = (written: Qualifier, value: FactValue): boolean => {
  const stated = value.qualifier;
  if ((UPWARD.has(written) && DOWNWARD.has(stated)) || (DOWNWARD.has(written) && UPWARD.has(stated)))
    return true;
  if (UPWARD.has(written) && stated === 'nearly') return true;
  if (written === 'nearly' && UPWARD.has(stated)) return true;
  const role = value.kind === 'quantity' ? value.role : undefined;
  return (UPWARD.has(written) && role === 'high') || (DOWNWARD.has(written) && role === 'low');
};

const BELOW_ALREADY = new Set<Qualifier>(['lessThan', 'atMost', 'nearly']);

/** "More than 300" rounds to 297 but claims more than the fact does; "less than 15" for 17 claims less. */
function overstates(mention: NumberMention, value: FactValue): boolean {
  if (value.kind !== 'quantity' || value.qualifier === 'about') return false;
  const written = Math.abs(mention.value);
  const stored = Math.abs(value.value);
  const margin = 1e-9 * Math.max(written, stored);
  if (UPWARD.has(mention.qualifier)) return written > stored + margin;
  return DOWNWARD.has(mention.qualifier) && written < stored - margin && !BELOW_ALREADY.has(value.qualifier);
}

/** The stored value, rounded to the precision the text shows, equals the written value (signs aside: "-18 %" is an 18 % drop). */
export function roundsTo(written: number, precision: number, stored: number): boolean {
  const step = precision > 0 ? precision : 1;
  const rounded = Math.round(Math.abs(stored) / step) * step;
  return Math.abs(rounded - Math.abs(written)) <= step * 1e-6 + Math.abs(written) * 1e-12;
}

/**
 * Trailing zeros of a whole number are read as rounding ("270 billion" for 268), but never down to a single
 * significant digit: "10 years" is ten years, not five rounded up.
 */
export function significantPrecision(mention: Pick<NumberMention, 'value' | 'precision' | 'scale'>): number {
  let precision = mention.precision;
  while (precision > SCALE_FACTOR[mention.scale] && Math.abs(mention.value) / precision < 10) precision /= 10;
  return precision;
}

const sameNumber = (mention: NumberMention, stored: number): boolean =>
  mention.unit === 'fraction'
    ? Math.abs(Math.abs(mention.value) - Math.abs(stored)) <= Math.max(mention.precision, 1e-3)
    : roundsTo(mention.value, significantPrecision(mention), stored);

/** Off by a factor of a thousand or more: million written for billion. */
const scaleShifted = (written: number, stored: number): boolean => {
  if (!written || !stored) return false;
  const exponent = Math.log10(Math.abs(written / stored)) / 3;
  return Math.abs(exponent) >= 0.99 && Math.abs(exponent - Math.round(exponent)) < 0.01;
};

/** How one number written in a text compares with one value of a fact. */
export function compareWithValue(mention: NumberMention, value: FactValue): CheckReason {
  if (isCalendar(mention)) {
    const stated = value.kind === 'date' ? value.date : value.period;
    if (!stated || !mention.period) return 'noSuchValue';
    return periodsAgree(mention.period, stated) ? 'match' : 'periodMismatch';
  }
  if (value.kind === 'date') return 'noSuchValue';
  // A figure past what a number can hold ("9999…" of 400 digits) reads as Infinity, which every rounding would match.
  if (!Number.isFinite(mention.value)) return 'noSuchValue';
  if (mention.unit !== value.unit) {
    const writtenNumber = mention.value / SCALE_FACTOR[mention.scale];
    const storedNumber = value.value / SCALE_FACTOR[value.scale];
    return sameNumber(mention, value.value) || Math.abs(writtenNumber - storedNumber) < 1e-9
      ? 'unitMismatch'
      : 'noSuchValue';
  }
  if (sameNumber(mention, value.value))
    return contradicts(mention.qualifier, value) || overstates(mention, value)
      ? 'qualifierContradiction'
      : 'match';
  if (scaleShifted(mention.value, value.value)) return 'scaleMismatch';
  const relative = Math.abs(Math.abs(mention.value) - Math.abs(value.value)) / Math.abs(value.value || 1);
  return relative < 0.1 ? 'roundingMismatch' : 'noSuchValue';
}

/** The nearer of two reasons. */
export const nearer = (a: CheckReason, b: CheckReason): CheckReason =>
  REASON_RANK.indexOf(a) <= REASON_RANK.indexOf(b) ? a : b;
