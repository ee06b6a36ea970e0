import type { Fact, QuantityValue, Role } from '../schema/index.ts';
import type { ChartBar, ChartData } from './types.ts';

/** The earlier side of each pair first: a change reads left to right. */
const ROLE_ORDER: Partial<Record<Role, number>> = {
  from: 0,
  previous: 0,
  expected: 0,
  low: 0,
  to: 1,
  current: 1,
  actual: 1,
  high: 1,
};

const quantities = (fact: Fact): QuantityValue[] =>
  fact.values.filter((value): value is QuantityValue => value.kind === 'quantity' && Boolean(value.measure));

const bar = (fact: Fact, value: QuantityValue): ChartBar => ({ fact, value, entity: fact.entities[0]! });

/** A fact's before/after values: two values of one measure and unit with opposite roles. */
function change(anchor: Fact): ChartData | undefined {
  for (const value of quantities(anchor)) {
    const pair = quantities(anchor).filter(
      (other) =>
        other.measure === value.measure &&
        other.unit === value.unit &&
        other.role &&
        other.role in ROLE_ORDER,
    );
    if (pair.length >= 2) {
      pair.sort((a, b) => ROLE_ORDER[a.role!]! - ROLE_ORDER[b.role!]!);
      return { kind: 'change', measure: value.measure!, bars: pair.map((v) => bar(anchor, v)) };
    }
  }
  return undefined;
}

/** Values of a measure in other verified facts: unrolled values only (a `previous` side belongs to its own fact). */
const peers = (facts: readonly Fact[], value: QuantityValue) =>
  facts.flatMap((fact) =>
    fact.status !== 'verified'
      ? []
      : quantities(fact)
          .filter((other) => other.measure === value.measure && other.unit === value.unit)
          .map((other) => bar(fact, other)),
  );

/** The same entity's measure over distinct periods, oldest first. */
function series(anchor: Fact, facts: readonly Fact[]): ChartData | undefined {
  for (const value of quantities(anchor)) {
    if (!value.period) continue;
    const byPeriod = new Map<string, ChartBar>();
    for (const candidate of peers(facts, value))
      if (
        candidate.entity === anchor.entities[0] &&
        candidate.value.period &&
        !byPeriod.has(candidate.value.period)
      )
        byPeriod.set(candidate.value.period, candidate);
    if (byPeriod.size >= 2) {
      const bars = [...byPeriod.values()].sort((a, b) => a.value.period!.localeCompare(b.value.period!));
      return { kind: 'series', measure: value.measure!, bars };
    }
  }
  return undefined;
}

/** The latest side of each figure: a fact's `current` loss stands beside another's unroled one, not its `previous`. */
const LATEST = new Set<Role | undefined>([undefined, 'current', 'actual', 'to']);
const sameSide = (a: QuantityValue, b: QuantityValue) =>
  a.role === b.role || (LATEST.has(a.role) && LATEST.has(b.role));

/** The same measure across entities: one bar per entity, the anchor's first, then the newest of each other. */
function across(anchor: Fact, facts: readonly Fact[]): ChartData | undefined {
  for (const value of quantities(anchor)) {
    const byEntity = new Map<string, ChartBar>([[anchor.entities[0]!, bar(anchor, value)]]);
    const others = peers(facts, value).sort((a, b) => b.fact.asOf.localeCompare(a.fact.asOf));
    for (const candidate of others)
      if (!byEntity.has(candidate.entity) && sameSide(candidate.value, value))
        byEntity.set(candidate.entity, candidate);
    if (byEntity.size >= 2) return { kind: 'across', measure: value.measure!, bars: [...byEntity.values()] };
  }
  return undefined;
}

/**
 * The figures that belong with a fact, in order of preference: its own before/after values, the same entity's
 * measure over periods, then the same measure across entities. None when the fact's figures stand alone.
 */
export function pickChart(anchor: Fact, facts: readonly Fact[]): ChartData | undefined {
  return change(anchor) ?? series(anchor, facts) ?? across(anchor, facts);
}
