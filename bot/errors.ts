import type { TFunction } from 'i18next';
import { formatPath, type Problem } from '../facts/problem.ts';
import type { Failure, FailureDetail } from '../facts/result.ts';

/** One problem in the reader's language: `text.fr: “12 %” n’est aucune des valeurs du fait`. */
export function describeProblem(problem: Problem, t: TFunction): string {
  const words = t(`errors:problem.${problem.code}`, { ...problem.params, defaultValue: '' });
  const said = words || t('errors:problem.invalid');
  const path = formatPath(problem.path);
  return path ? `${path}: ${said}` : said;
}

const describeDetail = (detail: FailureDetail, t: TFunction): string =>
  typeof detail === 'string' ? detail : describeProblem(detail, t);

/** The one place a failure code becomes words: its message in the reader's language, then its details. */
export function describeFailure(failure: Failure, t: TFunction): string {
  const key = `errors:${failure.code}`;
  const message =
    t(key, { ...failure.params, defaultValue: '' }) || t('errors:unexpected', { code: failure.code });
  const details = failure.details?.length
    ? `\n${failure.details.map((detail) => `  - ${describeDetail(detail, t)}`).join('\n')}`
    : '';
  return `${message}${details}`;
}
