import { isTopicalConcept } from './concepts.ts';
import type { FactMeta } from './document.ts';

/** What the question asks for, as ranking reads it. */
export interface RankContext {
  /** Entities the question names, with how specific each is (1: few facts concern it, 0.1: nearly all do). */
  named: ReadonlyMap<string, number>;
  /** Named entities that are people: their quotes and predictions come first. */
  persons: ReadonlySet<string>;
  concepts: ReadonlySet<string>;
}

/** The gain per intent, unit or period of the question the fact shares (`q3`, `usd`, `september`). */
const GENERIC_CONCEPT_GAIN = 1.25;

/** How strongly a fact about a named entity outranks one about another entity, scaled by specificity. */
const ENTITY_GAIN = 2;

/**
 * A multiplier on a fact's text score from what the question asks: facts about the entities it names (strongly, so
 * Bitdeer's loss outranks Bitfarms'), quotes when it asks what someone said or predicted, a person's own quotes,
 * dated facts for "when", amounts for "worth", numbers for "how much".
 */
export function rankMultiplier(meta: FactMeta, context: RankContext): number {
  let multiplier = 1;
  let concernsNamed = false;
  for (const [id, specificity] of context.named) {
    if (!meta.entities.includes(id)) continue;
    multiplier *= 1 + ENTITY_GAIN * specificity;
    concernsNamed = true;
  }
  // Only a fact about none of the named entities pays for it; naming two companies must not halve both.
  if (!concernsNamed) for (const specificity of context.named.values()) multiplier /= 1 + specificity;
  const asksQuote = context.concepts.has('quote') || context.concepts.has('predict');
  if (asksQuote && meta.kind === 'quote') multiplier *= 1.8;
  if (context.concepts.has('predict') && meta.predicts) multiplier *= 1.5;
  if (meta.speaker && context.persons.has(meta.speaker)) multiplier *= 1.5;
  else if (context.persons.size > 0 && meta.predicts && meta.entities.some((id) => context.persons.has(id))) {
    multiplier *= 1.3;
  }
  if (context.concepts.has('when') && meta.hasDate) multiplier *= 1.6;
  if (context.concepts.has('money') && meta.hasMoney) multiplier *= 1.4;
  for (const concept of context.concepts) {
    if (!isTopicalConcept(concept) && meta.concepts.has(concept)) multiplier *= GENERIC_CONCEPT_GAIN;
  }
  if (context.concepts.has('howmuch') && !asksQuote) multiplier *= meta.hasQuantity ? 1.3 : 0.5;
  return multiplier;
}

/** How specific an entity is in the index: the share of facts that do not concern it, kept within [0.1, 1]. */
export function specificityOf(factsConcerning: number, totalFacts: number): number {
  if (totalFacts === 0) return 1;
  return Math.min(1, Math.max(0.1, 1 - factsConcerning / totalFacts));
}
