import { problemsOfIssues } from '../problem.ts';
import { fail, ok, type Result } from '../result.ts';
import { type AuditEntry, AuditEntrySchema } from '../schema/index.ts';
import type { Change } from './operations.ts';
import { freezeDeep } from './state.ts';

// The facts in a change were validated on their way in (`before` when stored, `after` just now); the rest of the
// entry is checked here, so a write validates each fact once rather than three times.
const EnvelopeSchema = AuditEntrySchema.omit({ before: true, after: true });

/** The audit entries of one write, seq after seq from `lastSeq`, each checked against the audit schema. */
export function buildEntries(
  changes: readonly Change[],
  envelope: { lastSeq: number; at: string; actor: string; note?: string },
): Result<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const [index, change] of changes.entries()) {
    const head = {
      seq: envelope.lastSeq + index + 1,
      at: envelope.at,
      actor: envelope.actor,
      action: change.action,
      factId: change.after.id,
      ...(envelope.note ? { note: envelope.note } : {}),
    };
    const checked = EnvelopeSchema.safeParse(head);
    if (!checked.success)
      return fail('factInvalid', { id: change.after.id }, problemsOfIssues(checked.error.issues));
    // Key order puts `factId` early in each journal line, where the history index looks for it.
    const { note, ...rest } = checked.data;
    entries.push(
      freezeDeep({ ...rest, before: change.before, after: change.after, ...(note ? { note } : {}) }),
    );
  }
  return ok(entries);
}
