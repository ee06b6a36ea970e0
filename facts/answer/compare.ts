import type { Fact, FactValue, QuantityValue } from '../schema/index.ts';

/**
 * Where a comparison question turns from one side to the other: "X vs Y", "X or Y", "X ou Y", "X compared with Y",
 * "X par rapport à Y". Each side is then answered on its own.
 */
const SEPARATOR =
  /\s+(?:vs\.?|versus|v\.)\s+|\s*,?\s+(?:or|ou|compared (?:to|with)|comparée?s? (?:à|a|au|aux|avec)|par rapport (?:à|a|au|aux)|against|face (?:à|a)|contre)\s+/iu;

/** "X and Y", "X et Y": two sides only when each names a subject of its own (checked by the caller). */
const JOIN = /\s+(?:and|et)\s+/iu;

/**
 * The two sides of a comparison question as written, or undefined when it is not one; `joined` also splits on
 * "and"/"et", which the caller accepts only when both sides name a subject.
 */
export function splitComparison(question: string, joined = false): [string, string] | undefined {
  const match = SEPARATOR.exec(question) ?? (joined ? JOIN.exec(question) : null);
  if (!match) return undefined;
  const first = question.slice(0, match.index).trim();
  const second = question.slice(match.index + match[0].length).trim();
  return first && second ? [first, second] : undefined;
}

/** A value seen as signed: a change published as a size with `direction: down` (or a drop key) is negative. */
const DOWN_KEY = /drop|fall|decline|loss|outflow|miss|decrease/i;
const signed = (value: QuantityValue): number => {
  const direction = (value as QuantityValue & { direction?: 'up' | 'down' }).direction;
  const down = direction ? direction === 'down' : DOWN_KEY.test(value.key) && /percent/.test(value.unit);
  return down ? -Math.abs(value.value) : value.value;
};

const quantities = (fact: Fact): QuantityValue[] =>
  fact.values.filter((value: FactValue): value is QuantityValue => value.kind === 'quantity');

/** The values of two sides that can be compared: the first pair in the same unit, lead values first. */
export function comparablePair(a: Fact, b: Fact): [QuantityValue, QuantityValue] | undefined {
  for (const left of quantities(a))
    for (const right of quantities(b)) if (left.unit === right.unit && left !== right) return [left, right];
  return undefined;
}

export type Relation =
  | { kind: 'larger'; larger: 0 | 1 }
  | { kind: 'equal' }
  | { kind: 'opposite'; up: 0 | 1 };

/**
 * How two stored values relate, computed from the values alone: one rose and the other fell, or which is larger in
 * size (for two falls, the larger fall), or equal. Nothing is guessed and no number is made up.
 */
export function relationOf(left: QuantityValue, right: QuantityValue): Relation {
  const a = signed(left);
  const b = signed(right);
  if (Math.sign(a) !== Math.sign(b) && a !== 0 && b !== 0) return { kind: 'opposite', up: a > 0 ? 0 : 1 };
  if (Math.abs(a) === Math.abs(b)) return { kind: 'equal' };
  return { kind: 'larger', larger: Math.abs(a) > Math.abs(b) ? 0 : 1 };
}
