/** Parameters a failure carries into its localized message (`{{id}}`, `{{version}}`…). */
export type ErrorParams = Record<string, string | number>;

/**
 * An expected failure: a code that `locales/<lng>/errors.json` turns into words, never a sentence.
 * `details` carries machine-readable specifics (validation problems) for logs and CLIs.
 */
export interface Failure {
  ok: false;
  code: string;
  params?: ErrorParams;
  details?: readonly string[];
}

export interface Success<T> {
  ok: true;
  value: T;
}

export type Result<T> = Success<T> | Failure;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export const fail = (code: string, params?: ErrorParams, details?: readonly string[]): Failure => ({
  ok: false,
  code,
  ...(params ? { params } : {}),
  ...(details ? { details } : {}),
});
