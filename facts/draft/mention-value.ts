import type { NumberMention } from '../numbers/index.ts';
import {
  type FactValue,
  PeriodSchema,
  QuantityUnitSchema,
  type QuantityValue,
  type Scale,
} from '../schema/index.ts';

/** Mention units that name a point or stretch of the calendar rather than a quantity. */
export const CALENDAR_UNITS: ReadonlySet<string> = new Set(['year', 'half', 'quarter', 'month', 'date']);

const SCALE_FACTOR: Record<Scale, number> = {
  one: 1,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Digits shown after the decimal mark, within the written scale: "9,7 milliards" → 1, "2,60" → 2, "48 200" → 0. */
const decimalsOf = (mention: NumberMention): number =>
  Math.min(6, Math.max(0, Math.round(Math.log10(SCALE_FACTOR[mention.scale] / mention.precision))));

/** Drops the floating-point noise of scaling (9.7 × 10⁹), keeping what the written digits say. */
const clean = (value: number): number => Number.parseFloat(value.toPrecision(12));

/** A spoken fraction (un tiers, two thirds) shows no digits; the store keeps it to four decimals (0.3333). */
const SPOKEN_FRACTION_DECIMALS = 4;

/**
 * A number the extractor read, as a stored value: a calendar mention becomes a date (its period must be complete,
 * `2025-07`, not yearless), anything else a quantity with its unit, scale, published decimals and hedge. Undefined
 * when the mention has no unit of ours (a foreign currency) or no complete date. The one reading shared by the fact
 * form and the drafter.
 */
export function valueFromMention(
  key: string,
  mention: NumberMention,
  period?: string,
): FactValue | undefined {
  if (CALENDAR_UNITS.has(mention.unit)) {
    const date = PeriodSchema.safeParse(mention.period);
    return date.success && !period
      ? { key, kind: 'date', date: date.data, qualifier: mention.qualifier }
      : undefined;
  }
  const unit = QuantityUnitSchema.safeParse(mention.unit);
  if (!unit.success) return undefined;
  const spoken = unit.data === 'fraction' && !/\d/.test(mention.text);
  const decimals = spoken ? SPOKEN_FRACTION_DECIMALS : decimalsOf(mention);
  const value: QuantityValue = {
    key,
    kind: 'quantity',
    value: spoken ? Number(mention.value.toFixed(decimals)) : clean(mention.value),
    unit: unit.data,
    scale: mention.scale,
    decimals,
    qualifier: mention.qualifier,
  };
  return period ? { ...value, period } : value;
}
