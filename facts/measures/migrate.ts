import type { Fact, FactValue, Measure } from '../schema/index.ts';

/** Legacy value key → measure id, from each measure's id and `legacyKeys`. */
export function legacyIndex(measures: readonly Measure[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const measure of measures) {
    index.set(measure.id, measure.id);
    for (const key of measure.legacyKeys ?? []) if (!index.has(key)) index.set(key, measure.id);
  }
  return index;
}

const withMeasure = (value: FactValue, index: ReadonlyMap<string, string>): FactValue => {
  if (value.kind !== 'quantity' || value.measure) return value;
  const measure = index.get(value.key);
  return measure ? { ...value, measure } : value;
};

/**
 * A fact written before values carried a measure, read with one inferred from its value keys (`netLoss`, `drop`…).
 * The journal is never rewritten: this runs on every read of an old line or snapshot, and returns the same object
 * when nothing was missing. Keys it cannot place keep no measure, which the verifier reads as "any measure".
 */
export function migrateFact(fact: Fact, index: ReadonlyMap<string, string>): Fact {
  if (!fact.values.some((value) => value.kind === 'quantity' && !value.measure)) return fact;
  return { ...fact, values: fact.values.map((value) => withMeasure(value, index)) };
}

/** Problems of a fact's values against the registry: a quantity's measure is a known one, in a unit it allows. */
export function measureProblems(fact: Fact, measures: ReadonlyMap<string, Measure>): string[] {
  return fact.values.flatMap((value, index) => {
    if (value.kind !== 'quantity') return [];
    const at = `values.${index}`;
    // Values whose key implies no measure are still taken (forms without a measure field): checks skip them.
    if (!value.measure) return [];
    const measure = measures.get(value.measure);
    if (!measure) return [`${at}.measure: unknown measure "${value.measure}"`];
    const problems: string[] = [];
    if (!measure.units.includes(value.unit))
      problems.push(`${at}.unit: ${measure.id} takes ${measure.units.join(', ')}, not ${value.unit}`);
    if (value.direction && !measure.change)
      problems.push(`${at}.direction: ${measure.id} is not a change, so it has no direction`);
    return problems;
  });
}
