import type { z } from 'zod';
import type errors from '../locales/en/errors.json';
import type { ErrorParams } from './result.ts';

/** Every problem code: a key of `problem` in `locales/en/errors.json`. */
export type ProblemCode = keyof (typeof errors)['problem'];

/**
 * One thing wrong with some data: where (a JSON path such as `facts.3.values.0.unit`), a code that
 * `locales/<lng>/errors.json` words under `problem.<code>`, and the parameters the words use. facts/ never words it.
 */
export interface Problem {
  path: readonly PropertyKey[];
  code: string;
  params?: ErrorParams;
}

export const problem = (path: readonly PropertyKey[], code: string, params?: ErrorParams): Problem => ({
  path,
  code,
  ...(params ? { params } : {}),
});

/** The same problems, found inside a larger document (`facts`, 3, …). */
export const prefixProblems = (prefix: readonly PropertyKey[], problems: readonly Problem[]): Problem[] =>
  problems.map((each) => ({ ...each, path: [...prefix, ...each.path] }));

/** Failure details found inside a larger document; a text detail (not yet a code) gets the path as a prefix. */
export const prefixDetails = (
  prefix: readonly PropertyKey[],
  details: readonly (Problem | string)[],
): (Problem | string)[] =>
  details.map((detail) =>
    typeof detail === 'string'
      ? `${formatPath(prefix)}.${detail}`
      : { ...detail, path: [...prefix, ...detail.path] },
  );

/** A zod path as `facts.17.values.0.unit`. */
export const formatPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

const TYPES = new Set(['string', 'number', 'boolean', 'object', 'array']);
const FORMATS: Record<string, string> = { date: 'badDate', datetime: 'badTimestamp', url: 'badUrl' };
// Our own regex checks name their problem code as their message (`SlugSchema` → `badSlug`).
const OWN_CODE = /^[a-z][a-zA-Z]+$/;

function codeOf(issue: z.core.$ZodIssue): { code: string; params?: ErrorParams } {
  // A field left out says so, whatever it should have held.
  if (issue.code !== 'custom' && 'input' in issue && issue.input === undefined) return { code: 'missing' };
  switch (issue.code) {
    case 'invalid_type':
      return TYPES.has(issue.expected) ? { code: `expected_${issue.expected}` } : { code: 'invalidType' };
    case 'too_small': {
      const params = { minimum: Number(issue.minimum) };
      if (issue.origin === 'string') return { code: 'tooShort', params };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooFew', params };
      return { code: 'tooSmall', params };
    }
    case 'too_big': {
      const params = { maximum: Number(issue.maximum) };
      if (issue.origin === 'string') return { code: 'tooLong', params };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', params };
      return { code: 'tooBig', params };
    }
    case 'invalid_value':
      return { code: 'notOneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      if (issue.format === 'regex' && OWN_CODE.test(issue.message)) return { code: issue.message };
      return { code: FORMATS[issue.format] ?? 'badFormat', params: { format: issue.format } };
    case 'unrecognized_keys':
      return { code: 'unknownKeys', params: { keys: issue.keys.join(', ') } };
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as { code?: unknown } & ErrorParams;
      return typeof code === 'string' ? { code, params } : { code: 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/** Zod issues as problems with codes, never zod's English messages. */
export const problemsOfIssues = (
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): Problem[] =>
  issues.map((issue) => {
    const { code, params } = codeOf(issue);
    return problem(
      [...prefix, ...issue.path],
      code,
      params && Object.keys(params).length ? params : undefined,
    );
  });
