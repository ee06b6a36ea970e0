import type { z } from 'zod';
import type { FactCheck } from '../dataset.ts';
import { type Problem, problem, problemsOfIssues } from '../problem.ts';
import { fail, ok, type Result } from '../result.ts';
import { type Entity, type Fact, FactSchema } from '../schema/index.ts';

/** A zod path as `facts.17.values.0.unit`. */
export const formatPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** Zod issues as `path: what was expected` lines. */
export const describeIssues = (
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): string[] =>
  issues.map((issue) => `${formatPath([...prefix, ...issue.path]) || '(root)'}: ${issue.message}`);

/** What is wrong with a fact beyond its schema: unknown entities, then each extra check. */
export function factProblems(
  fact: Fact,
  entities: ReadonlyMap<string, Entity>,
  checks: readonly FactCheck[],
): Problem[] {
  const problems = fact.entities.flatMap((id, index) =>
    entities.has(id) ? [] : [problem(['entities', index], 'unknownEntity', { id })],
  );
  if (!checks.length) return problems;
  const all = [...entities.values()];
  return [...problems, ...checks.flatMap((check) => check(fact, all))];
}

/** Validates a fact about to be written; a failure is `factInvalid` with every problem found. */
export function validateFact(
  candidate: unknown,
  entities: ReadonlyMap<string, Entity>,
  checks: readonly FactCheck[],
): Result<Fact> {
  const parsed = FactSchema.safeParse(candidate);
  const id = String((candidate as { id?: unknown }).id);
  if (!parsed.success) return fail('factInvalid', { id }, problemsOfIssues(parsed.error.issues));
  const problems = factProblems(parsed.data, entities, checks);
  return problems.length ? fail('factInvalid', { id }, problems) : ok(parsed.data);
}
