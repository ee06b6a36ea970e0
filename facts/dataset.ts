import { z } from 'zod';
import { type Problem, prefixProblems, problem, problemsOfIssues } from './problem.ts';
import { type Entity, EntitySchema, type Fact, FactSchema } from './schema/index.ts';

/** What `facts export` writes and `facts import` reads. A store snapshot (with `format`, `auditSeq`) also fits. */
export interface Dataset {
  facts: Fact[];
  entities: Entity[];
}

/** One thing wrong with a dataset: where (a JSON path) and a code with its parameters. */
export type DatasetProblem = Problem;

/** An extra rule a fact must pass (bilingual parity…); returns what is wrong (paths inside the fact), or nothing. */
export type FactCheck = (fact: Fact, entities: readonly Entity[]) => Problem[];

const EnvelopeSchema = z.object({ facts: z.array(z.unknown()), entities: z.array(z.unknown()) });

/** Parses each item on its own, so one bad fact does not hide the problems of the others. */
function parseItems<T>(
  items: unknown[],
  schema: z.ZodType<T>,
  field: string,
  problems: DatasetProblem[],
): Array<{ index: number; item: T }> {
  const parsed: Array<{ index: number; item: T }> = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) parsed.push({ index, item: result.data });
    else problems.push(...problemsOfIssues(result.error.issues, [field, index]));
  });
  return parsed;
}

/**
 * Validates a whole dataset and reports every problem: the schema of each fact and entity, unique ids, every
 * entity reference, then each extra check on the facts that parse. A bare array of facts (the shape of
 * `facts/seed/facts.json`) is a dataset without entities of its own: its references go to `knownEntities`.
 */
export function validateDataset(
  data: unknown,
  checks: readonly FactCheck[] = [],
  knownEntities: readonly Entity[] = [],
): { ok: true; value: Dataset } | { ok: false; problems: DatasetProblem[] } {
  const envelope = EnvelopeSchema.safeParse(Array.isArray(data) ? { facts: data, entities: [] } : data);
  if (!envelope.success) {
    return { ok: false, problems: problemsOfIssues(envelope.error.issues) };
  }
  const problems: DatasetProblem[] = [];
  const entityList = parseItems(envelope.data.entities, EntitySchema, 'entities', problems);
  const facts = parseItems(envelope.data.facts, FactSchema, 'facts', problems);
  const entities = new Map(knownEntities.map((entity) => [entity.id, entity]));
  const seenEntities = new Set<string>();
  for (const { index, item: entity } of entityList) {
    if (seenEntities.has(entity.id))
      problems.push(problem(['entities', index, 'id'], 'duplicateId', { id: entity.id }));
    seenEntities.add(entity.id);
    entities.set(entity.id, entity);
  }
  const all = [...entities.values()];
  const seen = new Set<string>();
  for (const { index, item: fact } of facts) {
    if (seen.has(fact.id)) problems.push(problem(['facts', index, 'id'], 'duplicateId', { id: fact.id }));
    seen.add(fact.id);
    fact.entities.forEach((id, position) => {
      if (!entities.has(id))
        problems.push(problem(['facts', index, 'entities', position], 'unknownEntity', { id }));
    });
    problems.push(
      ...prefixProblems(
        ['facts', index],
        checks.flatMap((check) => check(fact, all)),
      ),
    );
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { facts: facts.map(({ item }) => item), entities: entityList.map(({ item }) => item) },
  };
}
