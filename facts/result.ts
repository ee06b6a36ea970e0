import type errors from '../locales/en/errors.json';
import type { Problem } from './problem.ts';

type Unplural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** Every failure code: a key of `locales/en/errors.json` (plural forms folded), so no code goes unworded. */
export type ErrorCode = Exclude<Unplural<keyof typeof errors>, 'problem' | 'unexpected'>;

/** Parameters a failure carries into its localized message (`{{id}}`, `{{version}}`…). */
export type ErrorParams = Record<string, string | number>;

/**
 * A specific of a failure: a problem with a code, worded by locales; or, from the files' own diagnostics
 * (a corrupt line of a data file), a short text that names what was found.
 */
export type FailureDetail = Problem | string;

/**
 * An expected failure: a code that `locales/<lng>/errors.json` turns into words, never a sentence.
 * `details` carries the specifics (validation problems), worded where the failure is shown.
 */
export interface Failure {
  ok: false;
  code: ErrorCode;
  params?: ErrorParams;
  details?: readonly FailureDetail[];
}

export interface Success<T> {
  ok: true;
  value: T;
}

export type Result<T> = Success<T> | Failure;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, params?: ErrorParams, details?: readonly FailureDetail[]): Failure => ({
  ok: false,
  code,
  ...(params ? { params } : {}),
  ...(details ? { details } : {}),
});
