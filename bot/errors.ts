import type { TFunction } from 'i18next';
import type { Failure } from '../facts/result.ts';

/** The one place a failure code becomes words: its message in the reader's language, then its details. */
export function describeFailure(failure: Failure, t: TFunction): string {
  const key = `errors:${failure.code}`;
  const message =
    t(key, { ...failure.params, defaultValue: '' }) || t('errors:unexpected', { code: failure.code });
  const details = failure.details?.length
    ? `\n${failure.details.map((line) => `  - ${line}`).join('\n')}`
    : '';
  return `${message}${details}`;
}
