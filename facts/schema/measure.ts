import { z } from 'zod';
import { BilingualTextSchema } from './common.ts';
import { QuantityUnitSchema } from './value.ts';

/** A measure id: camelCase, like a value key (`netLoss`, `sharePriceChange`). */
export const MeasureIdSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'expected a camelCase measure id such as "netLoss"' })
  .max(40);

/**
 * Words per language, matched case- and accent-insensitively on word boundaries. A trailing `*` matches any
 * ending ("liquidat*" for liquidated, liquidations), so forms need not be listed one by one.
 */
export const CueWordsSchema = z.strictObject({
  fr: z.array(z.string().trim().min(1)),
  en: z.array(z.string().trim().min(1)),
});
export type CueWords = z.infer<typeof CueWordsSchema>;

/** A measure that is itself a change (a share move, a growth rate): which sign means up, and words of its own. */
export const MeasureChangeSchema = z.strictObject({
  /** The sign of a stored value that means up when the value carries no `direction` (positive for every measure so far). */
  up: z.enum(['positive', 'negative']),
  /** The level it is the change of (`revenueGrowth` → `revenue`): the level's direction is the change's. */
  of: MeasureIdSchema.optional(),
  /** Direction words that only this measure uses ("beat"/"missed" for a result against estimates). */
  words: z.strictObject({ up: CueWordsSchema, down: CueWordsSchema }).optional(),
});

/**
 * What a number measures (a net loss, bitcoins mined, a fund's size), as data like the entity registry: its names,
 * the words that say it in each language, its opposite, whether it is a change, and the units it may take.
 */
export const MeasureSchema = z.strictObject({
  id: MeasureIdSchema,
  name: BilingualTextSchema,
  cues: CueWordsSchema,
  /** The measure that says the contrary (netLoss ↔ netIncome, netInflow ↔ netOutflow); symmetric. */
  opposite: MeasureIdSchema.optional(),
  change: MeasureChangeSchema.optional(),
  units: z.array(QuantityUnitSchema).min(1),
  /** Value keys that meant this measure before values carried one: old journal lines are read with them. */
  legacyKeys: z.array(MeasureIdSchema).optional(),
});
export type Measure = z.infer<typeof MeasureSchema>;
