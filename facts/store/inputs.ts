import { z } from 'zod';
import { FactSchema, QuoteSchema } from '../schema/index.ts';

const shape = FactSchema.shape;

/** What an author writes for a new fact; status, version and who/when are set by the store. */
export const NewFactSchema = z.strictObject({
  id: shape.id,
  kind: shape.kind,
  entities: shape.entities,
  values: shape.values,
  text: shape.text,
  quote: shape.quote,
  needsTranslation: shape.needsTranslation,
  sources: shape.sources,
  asOf: shape.asOf,
});
export type NewFact = z.input<typeof NewFactSchema>;

/** The content fields an edit may change; `quote: null` removes the quote (when a quote becomes an event). */
export const FactPatchSchema = z
  .strictObject({
    kind: shape.kind,
    entities: shape.entities,
    values: shape.values,
    text: shape.text,
    quote: QuoteSchema.nullable(),
    sources: shape.sources,
    asOf: shape.asOf,
  })
  .partial();
export type FactPatch = z.input<typeof FactPatchSchema>;
