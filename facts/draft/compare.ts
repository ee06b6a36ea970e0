import { ATTRIBUTABLE_TYPES, type Entity, type Fact, type QuantityValue } from '../schema/index.ts';
import type { DraftQuantity } from './types.ts';

/** A stored quantity with the measure it carries (or the one its key names, for values written before measures). */
interface StoredQuantity {
  fact: Fact;
  value: QuantityValue;
  measure: string;
  who: string;
}

/** The companies, people, organizations… a fact is about, as one comparable key; places and products are context. */
export const whoKey = (ids: readonly string[], types: ReadonlyMap<string, Entity['type']>): string =>
  [...new Set(ids.filter((id) => ATTRIBUTABLE_TYPES.has(types.get(id) ?? 'company')))].sort().join('|');

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** What the drafts are compared with: every quantity of every fact still in service. */
export function storedQuantities(
  facts: readonly Fact[],
  types: ReadonlyMap<string, Entity['type']>,
): StoredQuantity[] {
  const stored: StoredQuantity[] = [];
  for (const fact of facts) {
    if (fact.status === 'retired') continue;
    const who = whoKey(fact.entities, types);
    for (const value of fact.values) {
      if (value.kind !== 'quantity') continue;
      const measure = (value as QuantityValue & { measure?: string }).measure ?? value.key;
      stored.push({ fact, value, measure, who });
    }
  }
  return stored;
}

/**
 * A stored value the draft contradicts: same entities, measure, unit and period, another number. Both must name the
 * period: two undated share moves of one company are two events, not one figure told two ways.
 */
export function findConflict(
  value: DraftQuantity,
  who: string,
  stored: readonly StoredQuantity[],
): StoredQuantity | undefined {
  return stored.find(
    (item) =>
      item.who === who &&
      item.measure === value.measure &&
      item.value.unit === value.unit &&
      item.value.period !== undefined &&
      item.value.period === value.period &&
      !sameNumber(item.value.value, value.value),
  );
}

/** Every stored value the draft value repeats (a figure may stand in several facts, as a deal's value does). */
export function findRepeats(
  value: DraftQuantity,
  who: string,
  stored: readonly StoredQuantity[],
): StoredQuantity[] {
  return stored.filter(
    (item) =>
      item.who === who &&
      item.measure === value.measure &&
      item.value.unit === value.unit &&
      sameNumber(item.value.value, value.value) &&
      (!item.value.period || !value.period || item.value.period === value.period),
  );
}
