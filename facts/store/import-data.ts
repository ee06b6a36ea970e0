import { z } from 'zod';
import { migrateFact } from '../measures/index.ts';
import { prefixDetails, problem, problemsOfIssues } from '../problem.ts';
import { type FailureDetail, fail, ok, type Result } from '../result.ts';
import { type Entity, EntitySchema, type Fact, FactSchema } from '../schema/index.ts';
import { entityChanges } from './entity-operations.ts';
import { NewFactSchema } from './inputs.ts';
import { type Change, type ChangeContext, sameContent } from './operations.ts';
import { factProblems } from './problems.ts';
import type { ImportCounts } from './repository.ts';

/** What an import will write: the entity table when it changes, and one change per new or different fact. */
export interface ImportPlan {
  entities: Map<string, Entity> | undefined;
  changes: Change[];
  counts: ImportCounts;
}

// Items are checked one by one below, so that one bad fact does not hide the problems of the others.
const DatasetShape = z.object({ facts: z.array(z.unknown()), entities: z.array(z.unknown()).default([]) });

/**
 * A fact as a file carries it: its content, and the version it was exported at. Status, who verified it and when,
 * and who wrote it are read so an export imports back, and never taken: the store sets them.
 */
const ImportedFactSchema = NewFactSchema.extend({
  version: FactSchema.shape.version.optional(),
  status: z.unknown().optional(),
  createdBy: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  updatedBy: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
  verifiedBy: z.unknown().optional(),
  verifiedAt: z.unknown().optional(),
});
type ImportedFact = z.infer<typeof ImportedFactSchema>;

/** An entity as a file carries it; its status and trail are the store's, never the file's. */
const ImportedEntitySchema = EntitySchema.omit({ status: true, trail: true }).extend({
  status: z.unknown().optional(),
  trail: z.unknown().optional(),
});

const BOOKKEEPING = [
  'version',
  'status',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'verifiedBy',
  'verifiedAt',
];
const contentOf = (fact: ImportedFact) =>
  Object.fromEntries(Object.entries(fact).filter(([key]) => !BOOKKEEPING.includes(key))) as Omit<
    ImportedFact,
    (typeof BOOKKEEPING)[number]
  >;

/**
 * Checks a whole `{ facts, entities }` dataset before anything is written; any problem fails the whole import.
 * The rules of every other write hold: a new fact is a draft by the actor, an existing one a version-checked edit
 * (the file names the version it was made from) that goes back to draft, and a new or changed entity is a draft
 * entity. Nothing in the file can verify a fact or speak for another moderator.
 */
export function planImport(data: unknown, { state, checks, actor, at }: ChangeContext): Result<ImportPlan> {
  const shape = DatasetShape.safeParse(data);
  if (!shape.success) return importInvalid(problemsOfIssues(shape.error.issues));
  const problems: FailureDetail[] = [];
  const table = new Map(state.entities);
  let entitiesChanged = false;
  for (const { item, index } of parseAll(shape.data.entities, ImportedEntitySchema, 'entities', problems)) {
    const { status: _status, trail: _trail, ...content } = item;
    const before = state.entities.get(content.id);
    const changes = before ? entityChanges(before, content) : [];
    if (before && !changes.length) continue;
    const trail = [
      ...(before?.trail ?? []),
      { at, actor, action: before ? 'edit' : 'create', ...(before ? { changes } : {}) },
    ];
    const entity = EntitySchema.safeParse({ ...content, status: 'draft', trail });
    if (!entity.success) problems.push(...problemsOfIssues(entity.error.issues, ['entities', index]));
    else {
      table.set(content.id, entity.data);
      entitiesChanged = true;
    }
  }

  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const changes: Change[] = [];
  for (const { item, index } of parseAll(shape.data.facts, ImportedFactSchema, 'facts', problems)) {
    const before = state.facts.get(item.id) ?? null;
    if (before?.status === 'retired') {
      problems.push(problem(['facts', index, 'id'], 'retiredFact', { id: item.id }));
      continue;
    }
    const content = contentOf(item);
    if (before) {
      const { verifiedBy: _by, verifiedAt: _at, needsTranslation: _pending, ...kept } = before;
      const next = { ...kept, ...content };
      if (sameContent(migrateFact(next as Fact, state.legacyKeys), before)) {
        counts.unchanged++;
        continue;
      }
      // A file made from an older version would undo what was written since; one from a later version (exported by
      // another store, moving between backends) is an edit like any other: a draft by the actor, verified again.
      if (item.version === undefined || item.version < before.version) {
        problems.push(
          problem(['facts', index, 'version'], 'importStaleVersion', {
            made: item.version ?? '—',
            stored: before.version,
          }),
        );
        continue;
      }
    }
    const candidate = before
      ? {
          ...contentOf({ ...before, ...content }),
          status: 'draft',
          version: before.version + 1,
          createdBy: before.createdBy,
          createdAt: before.createdAt,
          updatedBy: actor,
          updatedAt: at,
        }
      : {
          ...content,
          status: 'draft',
          version: 1,
          createdBy: actor,
          createdAt: at,
          updatedBy: actor,
          updatedAt: at,
        };
    const parsed = FactSchema.safeParse(candidate);
    if (!parsed.success) {
      problems.push(...problemsOfIssues(parsed.error.issues, ['facts', index]));
      continue;
    }
    const fact = migrateFact(parsed.data, state.legacyKeys);
    const found = factProblems(fact, table, checks, state.measures);
    if (found.length) problems.push(...prefixDetails(['facts', index], found));
    else {
      changes.push({ action: 'import', before, after: fact });
      counts[before ? 'updated' : 'added']++;
    }
  }
  if (problems.length) return importInvalid(problems);
  return ok({ entities: entitiesChanged ? table : undefined, changes, counts });
}

/** Parses each item on its own, collecting every problem (`facts.3.values.0.unit: …`) and duplicate ids. */
export function parseAll<T extends { id: string }>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  name: string,
  problems: FailureDetail[],
): { item: T; index: number }[] {
  const seen = new Set<string>();
  const parsed: { item: T; index: number }[] = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) problems.push(...problemsOfIssues(result.error.issues, [name, index]));
    else if (seen.has(result.data.id))
      problems.push(problem([name, index, 'id'], 'duplicateId', { id: result.data.id }));
    else {
      seen.add(result.data.id);
      parsed.push({ item: result.data, index });
    }
  });
  return parsed;
}

const importInvalid = (problems: FailureDetail[]) =>
  fail('importInvalid', { count: problems.length }, problems);
