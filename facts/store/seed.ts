import { migrateFact } from '../measures/index.ts';
import { fail, ok, type Result } from '../result.ts';
import { type AuditEntry, type Entity, EntitySchema, type Fact, FactSchema } from '../schema/index.ts';
import { buildEntries } from './audit-entry.ts';
import { parseAll } from './import-data.ts';
import { factProblems } from './problems.ts';
import { createState, type StoreState } from './state.ts';

/** Who brings the embedded dataset in, as the audit log records it. */
export const SEED_ACTOR = 'seed';

/**
 * The store's own first run: the embedded dataset, shipped verified, is checked whole (schemas, unique ids, entity
 * references, measures) and each fact journaled as an `import` by `seed`, so the history of a seed fact starts with
 * who created and verified it. This is not `importData`: an import never takes a status from its file. A bad
 * dataset fails with `seedInvalid` and every problem.
 */
export function seedState(
  initial: { facts: Fact[]; entities: Entity[] },
  at: string,
): Result<{ state: StoreState; entries: AuditEntry[] }> {
  const problems: string[] = [];
  const entities = parseAll(initial.entities, EntitySchema, 'entities', problems).map(({ item }) => item);
  const state = createState([], entities, 0);
  const facts = parseAll(initial.facts, FactSchema, 'facts', problems);
  for (const { item, index } of facts) {
    const fact = migrateFact(item, state.legacyKeys);
    problems.push(
      ...factProblems(fact, state.entities, [], state.measures).map((problem) => `facts.${index}.${problem}`),
    );
  }
  if (problems.length) return fail('seedInvalid', { count: problems.length }, problems);
  const changes = facts.map(({ item }) => ({
    action: 'import' as const,
    before: null,
    after: migrateFact(item, state.legacyKeys),
  }));
  const entries = buildEntries(changes, { lastSeq: 0, at, actor: SEED_ACTOR });
  if (!entries.ok) return fail('seedInvalid', entries.params, entries.details);
  return ok({ state, entries: entries.value });
}
