import { z } from 'zod';
import { ActorSchema, BilingualTextSchema, SlugSchema, TimestampSchema } from './common.ts';

export const EntityTypeSchema = z.enum([
  'company',
  'person',
  'product',
  'law',
  'organization',
  'index',
  'place',
]);

/** One change to an entity, kept on the entity itself: who, when, what, and each field's old → new (as JSON). */
export const EntityChangeSchema = z.strictObject({
  at: TimestampSchema,
  actor: ActorSchema,
  action: z.enum(['create', 'edit', 'verify']),
  changes: z.array(z.strictObject({ field: z.string(), from: z.string(), to: z.string() })).optional(),
});
export type EntityChange = z.infer<typeof EntityChangeSchema>;

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
  /** `draft` until a second moderator verifies it; absent for the registry's own entities, which are verified. */
  status: z.enum(['draft', 'verified']).optional(),
  /** Every change made from Discord, the console or the CLI, oldest first. */
  trail: z.array(EntityChangeSchema).optional(),
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
