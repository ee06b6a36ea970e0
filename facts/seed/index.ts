import { z } from 'zod';
import { type Entity, EntitySchema, type Fact, FactSchema } from '../schema/index.ts';
import entities from './entities.json' with { type: 'json' };
import facts from './facts.json' with { type: 'json' };

const SeedSchema = z.object({ entities: z.array(EntitySchema), facts: z.array(FactSchema) });

/**
 * The embedded dataset: every figure, quote and dated claim of the source article, in French and English.
 * Parsed on each call so callers may mutate what they get; an invalid seed is a bug, so it throws.
 */
export function loadSeed(): { entities: Entity[]; facts: Fact[] } {
  const parsed = SeedSchema.safeParse({ entities, facts });
  if (!parsed.success) throw new Error(`The embedded seed is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
