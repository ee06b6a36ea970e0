import { z } from 'zod';
import { type Entity, EntitySchema, type Fact, FactSchema } from './schema/index.ts';

/** What `facts export` writes and `facts import` reads. A store snapshot (with `format`, `auditSeq`) also fits. */
export const DatasetSchema = z.object({ facts: z.array(FactSchema), entities: z.array(EntitySchema) });
export type Dataset = z.infer<typeof DatasetSchema>;

/** One thing wrong with a dataset: where (a JSON path) and what. */
export interface DatasetProblem {
  path: PropertyKey[];
  message: string;
}

/** An extra rule a fact must pass (bilingual parity…); returns what is wrong, or nothing. */
export type FactCheck = (fact: Fact, entities: readonly Entity[]) => string[];

/** Validates a whole dataset: the schema, unique ids, every entity reference, then each extra check. */
export function validateDataset(
  data: unknown,
  checks: readonly FactCheck[] = [],
  knownEntities: readonly Entity[] = [],
): { ok: true; value: Dataset } | { ok: false; problems: DatasetProblem[] } {
  const parsed = DatasetSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    };
  }
  const problems: DatasetProblem[] = [];
  const entities = new Map(knownEntities.map((entity) => [entity.id, entity]));
  parsed.data.entities.forEach((entity, index) => {
    if (parsed.data.entities.findIndex((other) => other.id === entity.id) !== index) {
      problems.push({ path: ['entities', index, 'id'], message: `duplicate entity id "${entity.id}"` });
    }
    entities.set(entity.id, entity);
  });
  const seen = new Set<string>();
  parsed.data.facts.forEach((fact, index) => {
    if (seen.has(fact.id))
      problems.push({ path: ['facts', index, 'id'], message: `duplicate fact id "${fact.id}"` });
    seen.add(fact.id);
    fact.entities.forEach((id, position) => {
      if (!entities.has(id))
        problems.push({ path: ['facts', index, 'entities', position], message: `unknown entity "${id}"` });
    });
    const all = [...entities.values()];
    for (const message of checks.flatMap((check) => check(fact, all))) {
      problems.push({ path: ['facts', index], message });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}
