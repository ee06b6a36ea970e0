import type { z } from 'zod';
import type { FactCheck } from '../dataset.ts';
import { legacyIndex, measureProblems, migrateFact } from '../measures/index.ts';
import { problem, problemsOfIssues } from '../problem.ts';
import { type FailureDetail, fail, ok, type Result } from '../result.ts';
import { type Entity, type Fact, FactSchema, type Measure } from '../schema/index.ts';

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
  measures?: ReadonlyMap<string, Measure>,
): FailureDetail[] {
  const problems: FailureDetail[] = fact.entities.flatMap((id, index) =>
    entities.has(id) ? [] : [problem(['entities', index], 'unknownEntity', { id })],
  );
  if (measures) problems.push(...measureProblems(fact, measures));
  if (!checks.length) return problems;
  const all = [...entities.values()];
  return [...problems, ...checks.flatMap((check) => check(fact, all))];
}

/**
 * Validates a fact about to be written; a failure is `factInvalid` with every problem found, or `unknownMeasure`
 * when a value names a measure the registry lacks. A value without a measure gets the one its key implies, if any.
 */
export function validateFact(
  candidate: unknown,
  entities: ReadonlyMap<string, Entity>,
  checks: readonly FactCheck[],
  measures?: ReadonlyMap<string, Measure>,
): Result<Fact> {
  const parsed = FactSchema.safeParse(candidate);
  const id = String((candidate as { id?: unknown }).id);
  if (!parsed.success) return fail('factInvalid', { id }, problemsOfIssues(parsed.error.issues));
  const fact = measures ? migrateFact(parsed.data, legacyIndex([...measures.values()])) : parsed.data;
  const unknown = fact.values.find(
    (value) => value.kind === 'quantity' && value.measure && !measures?.has(value.measure),
  );
  if (measures && unknown?.kind === 'quantity')
    return fail('unknownMeasure', { id, key: unknown.key, measure: unknown.measure! });
  const problems = factProblems(fact, entities, checks, measures);
  return problems.length ? fail('factInvalid', { id }, problems) : ok(fact);
}
