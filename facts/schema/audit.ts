import { z } from 'zod';
import { ActorSchema, SlugSchema, TimestampSchema } from './common.ts';
import { FactSchema } from './fact.ts';

export const AuditActionSchema = z.enum(['create', 'edit', 'verify', 'retire', 'import']);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** One change to one fact. The audit log is append-only: entries are never rewritten. */
export const AuditEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: TimestampSchema,
  actor: ActorSchema,
  action: AuditActionSchema,
  factId: SlugSchema,
  before: FactSchema.nullable(),
  after: FactSchema,
  /** Why, in the moderator's words (a retirement reason, an edit summary). */
  note: z.string().max(500).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
