import type { Fact, FactKind } from '../schema/index.ts';
import type { ClassifiedChange } from './changes.ts';

const KIND_ORDER: Record<FactKind, number> = { figure: 0, event: 1, quote: 2 };
const DAY_MS = 86_400_000;

/**
 * Changes best first: figures before events, events before quotes (new, updated, newly verified and withdrawn
 * alike); within a kind, those of the last 24 hours before `now` (default: the latest change) before older ones,
 * then newest first. Deterministic: ties go by id.
 */
export function rankChanges(
  changes: readonly ClassifiedChange[],
  byId: ReadonlyMap<string, Fact>,
  now?: Date,
): ClassifiedChange[] {
  const times = new Map(changes.map((change) => [change, Date.parse(change.at)]));
  const latest = now?.getTime() ?? Math.max(...times.values());
  const today = (change: ClassifiedChange) => (times.get(change)! > latest - DAY_MS ? 0 : 1);
  const kind = (change: ClassifiedChange) => KIND_ORDER[byId.get(change.factId)!.kind];
  return changes.toSorted(
    (a, b) =>
      kind(a) - kind(b) ||
      today(a) - today(b) ||
      times.get(b)! - times.get(a)! ||
      a.factId.localeCompare(b.factId),
  );
}
