import { z } from 'zod';

/** Units a quantity can carry. Percent values are stored as shown (18 means 18 %); durations in their unit. */
export const QuantityUnitSchema = z.enum([
  'USD',
  'EUR',
  'BTC',
  'percent',
  'percentagePoint',
  'MW',
  'GW',
  'count',
  'fraction',
  'years',
  'months',
  'days',
]);
export type QuantityUnit = z.infer<typeof QuantityUnitSchema>;

/** The scale a number is published in; `one` when it is written in full (48 200). */
export const ScaleSchema = z.enum(['one', 'thousand', 'million', 'billion', 'trillion']);
export type Scale = z.infer<typeof ScaleSchema>;

/** Mention units that name a point in time (`2025`, `Q3 2025`…), not an amount. */
export const CALENDAR_UNITS: ReadonlySet<string> = new Set(['year', 'half', 'quarter', 'month', 'date']);

/** What each scale multiplies by: the one table of scale factors. */
export const SCALE_FACTOR: Record<Scale, number> = {
  one: 1,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** The hedge published with a number: `environ`/about, `près de`/nearly, `plus de`/more than… */
export const QualifierSchema = z.enum([
  'exact',
  'about',
  'nearly',
  'moreThan',
  'lessThan',
  'atLeast',
  'atMost',
]);
export type Qualifier = z.infer<typeof QualifierSchema>;

/**
 * A calendar period: a year `2025`, a half `2025-H1`, a quarter `2025-Q3`, a month `2025-07`, a day `2025-09-10`,
 * or a span of two of them joined by `/` (`2025-01/2025-08`).
 */
const point = String.raw`\d{4}(?:-(?:H[12]|Q[1-4]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?`;
// The message is the problem code (facts/problem.ts); locales word it.
export const PeriodSchema = z
  .string()
  .regex(new RegExp(`^${point}(?:/${point})?$`), { message: 'badPeriod' });
export type Period = z.infer<typeof PeriodSchema>;

const key = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'badValueKey' })
  .max(40);

/**
 * Which side of a pair a value is: the two ends of a change (`from`/`to`), a result against its forecast
 * (`actual`/`expected`), this period against the last (`current`/`previous`), or the bounds of a range (`low`/`high`).
 */
export const RoleSchema = z.enum(['from', 'to', 'actual', 'expected', 'current', 'previous', 'low', 'high']);
export type Role = z.infer<typeof RoleSchema>;

/** The way a change went, for a change measure published as a size ("fell 18 %" is 18 with `down`). */
export const DirectionSchema = z.enum(['up', 'down']);
export type Direction = z.infer<typeof DirectionSchema>;

/** A number as published: fully scaled value (9.7 billion is 9700000000), unit, scale, hedge and period. */
export const QuantityValueSchema = z.strictObject({
  key,
  kind: z.literal('quantity'),
  /**
   * What the number measures, an id of the measure registry (`netLoss`, `btcMined`). Optional when read, so journal
   * lines and snapshots written before measures still load (the store infers it from the key); required to write.
   */
  measure: key.optional(),
  role: RoleSchema.optional(),
  direction: DirectionSchema.optional(),
  value: z.number().finite(),
  unit: QuantityUnitSchema,
  scale: ScaleSchema.default('one'),
  /** Digits after the decimal point as published in the scale (9,7 milliards → 1). */
  decimals: z.number().int().min(0).max(6).default(0),
  qualifier: QualifierSchema.default('exact'),
  /** The period the number refers to (2025-Q3 for a quarterly loss). */
  period: PeriodSchema.optional(),
});
export type QuantityValue = z.infer<typeof QuantityValueSchema>;

/** A date or period the fact states (the GENIUS Act passed in 2025-07). */
export const DateValueSchema = z.strictObject({
  key,
  kind: z.literal('date'),
  date: PeriodSchema,
  qualifier: QualifierSchema.default('exact'),
});
export type DateValue = z.infer<typeof DateValueSchema>;

export const FactValueSchema = z.discriminatedUnion('kind', [QuantityValueSchema, DateValueSchema]);
export type FactValue = z.infer<typeof FactValueSchema>;
