import { z } from 'zod';
import { migrateFact } from '../measures/index.ts';
import { fail, ok, type Result } from '../result.ts';
import { type Entity, EntitySchema, type Fact, FactSchema } from '../schema/index.ts';
import type { Change, ChangeContext } from './operations.ts';
import { describeIssues, factProblems } from './problems.ts';
import type { ImportCounts } from './repository.ts';

/** What an import will write: the entity table when it changes, and one change per new or different fact. */
export interface ImportPlan {
  entities: Map<string, Entity> | undefined;
  changes: Change[];
  counts: ImportCounts;
}

// Items are checked one by one below, so that one bad fact does not hide the problems of the others.
const DatasetShape = z.object({ facts: z.array(z.unknown()), entities: z.array(z.unknown()).default([]) });

/** Checks a whole `{ facts, entities }` dataset before anything is written; any problem fails the whole import. */
export function planImport(data: unknown, { state, checks }: ChangeContext): Result<ImportPlan> {
  const shape = DatasetShape.safeParse(data);
  if (!shape.success) return importInvalid(describeIssues(shape.error.issues));
  const problems: string[] = [];
  const entities = parseAll(shape.data.entities, EntitySchema, 'entities', problems);
  const table = new Map(state.entities);
  for (const { item } of entities) table.set(item.id, item);
  // A dataset exported before values carried measures imports with the ones its keys imply.
  const facts = parseAll(shape.data.facts, FactSchema, 'facts', problems).map(({ item, index }) => ({
    item: migrateFact(item, state.legacyKeys),
    index,
  }));
  for (const { item: fact, index } of facts) {
    if (state.facts.get(fact.id)?.status === 'retired')
      problems.push(`facts.${index}.id: fact "${fact.id}" is retired`);
    problems.push(
      ...factProblems(fact, table, checks, state.measures).map((problem) => `facts.${index}.${problem}`),
    );
  }
  if (problems.length) return importInvalid(problems);

  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const changes: Change[] = [];
  for (const { item: fact } of facts) {
    const before = state.facts.get(fact.id) ?? null;
    if (before && same({ ...fact, version: before.version }, before)) counts.unchanged++;
    else {
      changes.push({
        action: 'import',
        before,
        after: before ? { ...fact, version: before.version + 1 } : fact,
      });
      counts[before ? 'updated' : 'added']++;
    }
  }
  const entitiesChanged = entities.some(({ item }) => !same(item, state.entities.get(item.id)));
  return ok({ entities: entitiesChanged ? table : undefined, changes, counts });
}

/** Parses each item on its own, collecting every problem (`facts.3.values.0.unit: …`) and duplicate ids. */
function parseAll<T extends Fact | Entity>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  name: string,
  problems: string[],
): { item: T; index: number }[] {
  const seen = new Set<string>();
  const parsed: { item: T; index: number }[] = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) problems.push(...describeIssues(result.error.issues, [name, index]));
    else if (seen.has(result.data.id)) problems.push(`${name}.${index}.id: duplicate id "${result.data.id}"`);
    else {
      seen.add(result.data.id);
      parsed.push({ item: result.data, index });
    }
  });
  return parsed;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const importInvalid = (problems: string[]) => fail('importInvalid', { count: problems.length }, problems);
