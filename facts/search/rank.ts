import type { FactMeta } from './document.ts';

/** An entity the question names, as ranking reads it. */
export interface RankedEntity<F> {
  id: string;
  /** How specific the entity is: 1 when few facts concern it, 0.1 when nearly all do. */
  specificity: number;
  /** A person: their quotes and predictions come first. */
  person: boolean;
  /** The indexed facts concerning it. */
  facts: ReadonlySet<F>;
}

/** What the question asks for, as ranking reads it. */
export interface RankContext<F> {
  /** The entities it names, in the order named. */
  named: ReadonlyArray<RankedEntity<F>>;
  /** All its concepts: intents (`when`, `quote`, `howmuch`, `money`) decide which kinds of facts gain. */
  concepts: ReadonlySet<string>;
  /** For each intent, unit or period it carries (`q3`, `usd`, `september`): the indexed facts carrying it too. */
  carrying: ReadonlyArray<ReadonlySet<F>>;
}

/** The gain per intent, unit or period of the question the fact shares (`q3`, `usd`, `september`). */
const GENERIC_CONCEPT_GAIN = 1.25;

/** How strongly a fact about a named entity outranks one about another entity, scaled by specificity. */
const ENTITY_GAIN = 2;

/**
 * Reads a question once and returns the multiplier on a fact's text score from what it asks: facts about the
 * entities it names (strongly, so Bitdeer's loss outranks Bitfarms'), quotes when it asks what someone said or
 * predicted, a person's own quotes, dated facts for "when", amounts for "worth", numbers for "how much". Facts are
 * looked up in the context's sets rather than compared field by field: a search ranks thousands of them.
 */
export function createRanker<F extends { meta: FactMeta }>(context: RankContext<F>): (fact: F) => number {
  const { concepts, carrying } = context;
  const gains = context.named.map(({ facts, specificity }) => ({
    facts,
    gain: 1 + ENTITY_GAIN * specificity,
  }));
  // Only a fact about none of the named entities pays for them; naming two companies must not halve both.
  let unconcerned = 1;
  for (const { specificity } of context.named) unconcerned /= 1 + specificity;
  const persons = context.named.filter((entity) => entity.person);
  const personIds = new Set(persons.map((person) => person.id));
  const asksQuote = concepts.has('quote') || concepts.has('predict');
  const asksPrediction = concepts.has('predict');
  const asksWhen = concepts.has('when');
  const asksMoney = concepts.has('money');
  const asksAmount = concepts.has('howmuch') && !asksQuote;

  return (fact) => {
    const { meta } = fact;
    let multiplier = 1;
    let concernsNamed = false;
    for (const { facts, gain } of gains) {
      if (!facts.has(fact)) continue;
      multiplier *= gain;
      concernsNamed = true;
    }
    if (!concernsNamed) multiplier = unconcerned;
    if (asksQuote && meta.kind === 'quote') multiplier *= 1.8;
    if (asksPrediction && meta.predicts) multiplier *= 1.5;
    if (persons.length > 0) {
      if (meta.speaker && personIds.has(meta.speaker)) multiplier *= 1.5;
      else if (meta.predicts && persons.some((person) => person.facts.has(fact))) multiplier *= 1.3;
    }
    if (asksWhen && meta.hasDate) multiplier *= 1.6;
    if (asksMoney && meta.hasMoney) multiplier *= 1.4;
    for (const facts of carrying) if (facts.has(fact)) multiplier *= GENERIC_CONCEPT_GAIN;
    if (asksAmount) multiplier *= meta.hasQuantity ? 1.3 : 0.5;
    return multiplier;
  };
}

/** How specific an entity is in the index: the share of facts that do not concern it, kept within [0.1, 1]. */
export function specificityOf(factsConcerning: number, totalFacts: number): number {
  if (totalFacts === 0) return 1;
  return Math.min(1, Math.max(0.1, 1 - factsConcerning / totalFacts));
}
