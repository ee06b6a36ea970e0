import { z } from 'zod';
import { BilingualTextSchema, SlugSchema } from './common.ts';

export const EntityTypeSchema = z.enum([
  'company',
  'person',
  'product',
  'law',
  'organization',
  'index',
  'place',
]);

/** A company, person, product or law that facts concern, with its names and aliases in both languages. */
export const EntitySchema = z.strictObject({
  id: SlugSchema,
  type: EntityTypeSchema,
  name: BilingualTextSchema,
  /** Other ways readers write it, per language (`loi GENIUS`, `GENIUS Act`, `Gagnon`). Matched case- and accent-insensitively. */
  aliases: z.strictObject({ fr: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }),
  /** A short description per language (`fondateur de Cardano` / `founder of Cardano`). */
  description: BilingualTextSchema.optional(),
  /** Entities it speaks for or belongs to (a CEO's company): a sentence naming both is not a misattribution. */
  affiliations: z.array(SlugSchema).optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

/** Entity types a figure can be wrongly credited to; products and places (bitcoin, Washington) are context. */
export const ATTRIBUTABLE_TYPES: ReadonlySet<Entity['type']> = new Set([
  'company',
  'person',
  'organization',
  'law',
  'index',
]);
