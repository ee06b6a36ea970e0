import { z } from 'zod';
import { type Entity, EntitySchema, type Fact, FactSchema } from './schema/index.ts';

/** What `facts export` writes and `facts import` reads. A store snapshot (with `format`, `auditSeq`) also fits. */
export interface Dataset {
  facts: Fact[];
  entities: Entity[];
}

/** One thing wrong with a dataset: where (a JSON path) and what. */
export interface DatasetProblem {
  path: PropertyKey[];
  message: string;
}

/** An extra rule a fact must pass (bilingual parity…); returns what is wrong, or nothing. */
export type FactCheck = (fact: Fact, entities: readonly Entity[]) => string[];

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
    else
      problems.push(
        ...result.error.issues.map((issue) => ({
          path: [field, index, ...issue.path],
          message: issue.message,
        })),
      );
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
    return {
      ok: false,
      problems: envelope.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    };
  }
  const problems: DatasetProblem[] = [];
  const entityList = parseItems(envelope.data.entities, EntitySchema, 'entities', problems);
  const facts = parseItems(envelope.data.facts, FactSchema, 'facts', problems);
  const entities = new Map(knownEntities.map((entity) => [entity.id, entity]));
  const seenEntities = new Set<string>();
  for (const { index, item: entity } of entityList) {
    if (seenEntities.has(entity.id))
      problems.push({ path: ['entities', index, 'id'], message: `duplicate entity id "${entity.id}"` });
    seenEntities.add(entity.id);
    entities.set(entity.id, entity);
  }
  const all = [...entities.values()];
  const seen = new Set<string>();
  for (const { index, item: fact } of facts) {
    if (seen.has(fact.id))
      problems.push({ path: ['facts', index, 'id'], message: `duplicate fact id "${fact.id}"` });
    seen.add(fact.id);
    fact.entities.forEach((id, position) => {
      if (!entities.has(id))
        problems.push({ path: ['facts', index, 'entities', position], message: `unknown entity "${id}"` });
    });
    for (const message of checks.flatMap((check) => check(fact, all)))
      problems.push({ path: ['facts', index], message });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { facts: facts.map(({ item }) => item), entities: entityList.map(({ item }) => item) },
  };
}
