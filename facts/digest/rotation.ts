import type { Fact } from '../schema/index.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD`; consecutive dates give consecutive numbers. */
export function dayNumber(localDate: string): number {
  return Math.floor(Date.parse(`${localDate}T00:00:00Z`) / DAY_MS);
}

/**
 * Today's key figures: the verified figures ordered by id, read as a ring, a window of `count` starting at
 * `day × count`. Consecutive days show different figures until the ring comes round; the same day always the same.
 */
export function pickKeyFigures(
  facts: readonly Fact[],
  day: number,
  count: number,
  exclude: ReadonlySet<string>,
): Fact[] {
  const ring = facts
    .filter((fact) => fact.kind === 'figure' && fact.status === 'verified' && !exclude.has(fact.id))
    .toSorted((a, b) => a.id.localeCompare(b.id));
  if (ring.length === 0 || count <= 0) return [];
  const take = Math.min(count, ring.length);
  const start = (((day * take) % ring.length) + ring.length) % ring.length;
  return Array.from({ length: take }, (_, i) => ring[(start + i) % ring.length]!);
}
