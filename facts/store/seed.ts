import { fail, ok, type Result } from '../result.ts';
import type { AuditEntry, Entity, Fact } from '../schema/index.ts';
import { buildEntries } from './audit-entry.ts';
import { planImport } from './import-data.ts';
import { createState, type StoreState } from './state.ts';

/** Who brings the embedded dataset in, as the audit log records it. */
export const SEED_ACTOR = 'seed';

/**
 * Validates the initial dataset and journals each fact as an `import` by `seed`, so the history of a seed fact
 * starts with who created and verified it. A bad dataset fails with `seedInvalid` and every problem.
 */
export function seedState(
  initial: { facts: Fact[]; entities: Entity[] },
  at: string,
): Result<{ state: StoreState; entries: AuditEntry[] }> {
  const empty = createState([], [], 0);
  const plan = planImport(initial, { state: empty, actor: SEED_ACTOR, at, checks: [] });
  if (!plan.ok) return fail('seedInvalid', plan.params, plan.details);
  const entries = buildEntries(plan.value.changes, { lastSeq: 0, at, actor: SEED_ACTOR });
  if (!entries.ok) return fail('seedInvalid', entries.params, entries.details);
  return ok({
    state: createState([], [...(plan.value.entities?.values() ?? [])], 0),
    entries: entries.value,
  });
}
