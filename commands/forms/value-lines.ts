import { extractNumbers, formatValue } from '../../facts/numbers/index.ts';
import type { NumberMention } from '../../facts/numbers/types.ts';
import { fail, ok, type Result } from '../../facts/result.ts';
import {
  type FactValue,
  type Lang,
  PeriodSchema,
  QuantityUnitSchema,
  type QuantityValue,
  type Scale,
} from '../../facts/schema/index.ts';

/** `key = <the number as a reader writes it> [@ period]`, e.g. `netLoss = 46 millions de dollars @ 2025-Q3`. */
const LINE = /^([a-z][a-zA-Z0-9]*)\s*=\s*(.+)$/;
const PERIOD_MARK = /\s@\s*(\S+)\s*$/;
const CALENDAR_UNITS = new Set(['year', 'half', 'quarter', 'month', 'date']);
const SCALE_FACTOR: Record<Scale, number> = {
  one: 1,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** One value as an editable line, the number written the way the reader's language writes it. */
export function printValueLine(value: FactValue, lang: Lang): string {
  const period = value.kind === 'quantity' && value.period ? ` @ ${value.period}` : '';
  return `${value.key} = ${formatValue(value, lang)}${period}`;
}

/** Values as editable lines, one per value. */
export const printValueLines = (values: readonly FactValue[], lang: Lang): string =>
  values.map((value) => printValueLine(value, lang)).join('\n');

/** Digits shown after the decimal mark, within the written scale: "9,7 milliards" → 1, "2,60" → 2, "48 200" → 0. */
const decimalsOf = (mention: NumberMention): number =>
  Math.min(6, Math.max(0, Math.round(Math.log10(SCALE_FACTOR[mention.scale] / mention.precision))));

/** Drops the floating-point noise of scaling (9.7 × 10⁹), keeping what the written digits say. */
const clean = (value: number): number => Number.parseFloat(value.toPrecision(12));

/** A spoken fraction (un tiers, two thirds) shows no digits; the store keeps it to four decimals (0.3333). */
const SPOKEN_FRACTION_DECIMALS = 4;

/** A number found on a line as a value: a calendar mention becomes a date, anything else a quantity. */
function toValue(key: string, mention: NumberMention, period: string | undefined): FactValue | undefined {
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

/** Two calendar mentions on one line are a span (`de janvier à août 2025` → `2025-01/2025-08`). */
function toSpan(key: string, mentions: readonly NumberMention[]): FactValue | undefined {
  const [from, to] = mentions;
  if (mentions.length !== 2 || !from || !to || !CALENDAR_UNITS.has(from.unit) || !CALENDAR_UNITS.has(to.unit))
    return undefined;
  const date = PeriodSchema.safeParse(`${from.period}/${to.period}`);
  return date.success ? { key, kind: 'date', date: date.data, qualifier: from.qualifier } : undefined;
}

/**
 * Reads value lines back. Each non-empty line needs a camelCase key, `=`, and exactly one number as a reader writes
 * it (or a span of two dates), optionally followed by `@ period` (`2025-Q3`). Failures name the line: `valueLineInvalid` (shape),
 * `valueLinePeriod`, `valueLineNoNumber`, `valueLineManyNumbers` (with the numbers found), `valueLineUnit`.
 */
export function parseValueLines(text: string, lang: Lang): Result<FactValue[]> {
  const values: FactValue[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = { line: index + 1, text: line };
    const match = LINE.exec(line);
    if (!match) return fail('valueLineInvalid', at);
    const [, key, rest] = match as unknown as [string, string, string];
    const periodMatch = PERIOD_MARK.exec(rest);
    const period = periodMatch?.[1];
    if (period !== undefined && !PeriodSchema.safeParse(period).success)
      return fail('valueLinePeriod', { ...at, period });
    const written = periodMatch ? rest.slice(0, periodMatch.index) : rest;
    const mentions = extractNumbers(written, lang);
    if (mentions.length === 0) return fail('valueLineNoNumber', at);
    const span = period === undefined ? toSpan(key, mentions) : undefined;
    if (span) {
      values.push(span);
      continue;
    }
    if (mentions.length > 1) {
      const found = mentions.map((mention) => mention.text).join(' · ');
      return fail('valueLineManyNumbers', { ...at, count: mentions.length, found });
    }
    const value = toValue(key, mentions[0]!, period);
    if (!value) return fail('valueLineUnit', { ...at, found: mentions[0]!.text });
    values.push(value);
  }
  return ok(values);
}
