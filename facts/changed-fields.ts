import type { Fact } from './schema/index.ts';

/**
 * Bookkeeping that moves on every write (or with the status it follows), so listing it would hide what changed.
 * `status` is not bookkeeping: a verification or a retirement shows `status`.
 */
const BOOKKEEPING = new Set<string>(['version', 'updatedAt', 'updatedBy', 'verifiedAt', 'verifiedBy']);

/**
 * The top-level fields an audit entry changed, in the fact's field order (none for a creation or the import of a
 * new fact). The one definition behind `/facts history` and `briefing facts history`.
 */
export function changedFields(before: Fact | null, after: Fact): string[] {
  if (!before) return [];
  const keys = new Set([...Object.keys(after), ...Object.keys(before)]);
  const field = (fact: Fact, key: string) => JSON.stringify((fact as Record<string, unknown>)[key]);
  return [...keys].filter((key) => !BOOKKEEPING.has(key) && field(before, key) !== field(after, key));
}
