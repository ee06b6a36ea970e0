import { formatPath, type Problem, type ProblemCode } from '../facts/problem.ts';
import type { Failure, FailureDetail } from '../facts/result.ts';
import errors from '../locales/en/errors.json' with { type: 'json' };
import type { Translator } from './i18n.ts';

// The codes locales word (plural forms folded): a code from elsewhere (a stored notice) is checked, not trusted.
const ERROR_CODES = new Set(Object.keys(errors).map((key) => key.replace(/_(one|other)$/, '')));
const PROBLEM_CODES = new Set(Object.keys(errors.problem));

/** One problem in the reader's language: `text.fr: “12 %” n’est aucune des valeurs du fait`. */
export function describeProblem(problem: Problem, t: Translator): string {
  const code = PROBLEM_CODES.has(problem.code) ? (problem.code as ProblemCode) : 'invalid';
  const said = t(`errors:problem.${code}`, { ...problem.params });
  const path = formatPath(problem.path);
  return path ? `${path}: ${said}` : said;
}

const describeDetail = (detail: FailureDetail, t: Translator): string =>
  typeof detail === 'string' ? detail : describeProblem(detail, t);

/** The one place a failure code becomes words: its message in the reader's language, then its details. */
export function describeFailure(failure: Failure, t: Translator): string {
  const message = ERROR_CODES.has(failure.code)
    ? t(`errors:${failure.code}`, { ...failure.params })
    : t('errors:unexpected', { code: failure.code });
  const details = failure.details?.length
    ? `\n${failure.details.map((detail) => `  - ${describeDetail(detail, t)}`).join('\n')}`
    : '';
  return `${message}${details}`;
}
