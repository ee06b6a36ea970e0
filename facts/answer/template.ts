import { type Entity, type Fact, type Lang, type Source, sourceKey } from '../schema/index.ts';
import { createVerifier } from '../verify/index.ts';
import type { CheckedNumber } from '../verify/types.ts';
import { renderFactSentence } from './quote.ts';
import type { Translate } from './types.ts';

export interface TemplatedAnswer {
  text: string;
  facts: string[];
  numbers: CheckedNumber[];
  verified: boolean;
  sources: Source[];
  asOf?: string;
}

/** Sources of the facts used, each once. */
export function distinctSources(facts: readonly Fact[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of facts.flatMap((fact) => fact.sources)) seen.set(sourceKey(source), source);
  return [...seen.values()];
}

/** The latest date the facts are true as of. */
export const latestAsOf = (facts: readonly Fact[]): string | undefined =>
  facts
    .map((fact) => fact.asOf)
    .sort()
    .at(-1);

/**
 * The templated answer: the lead fact, then the supporting ones. Each sentence is checked on its own first, so a
 * fact whose rendering carries an unverifiable number is left out rather than shown; then the whole text is checked.
 */
/**
 * Closes a sentence (a full stop unless it already ends in one, before any closing quote or bracket), so the
 * verifier never reads two facts as one sentence about both subjects. Shared with the digest.
 */
export const closeSentence = (sentence: string): string => {
  const trimmed = sentence.trim();
  return /[.!?…]["»”’)]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

export function composeTemplatedAnswer(
  facts: readonly Fact[],
  entities: readonly Entity[],
  lang: Lang,
  t: Translate,
): TemplatedAnswer {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const verifier = createVerifier(facts, entities);
  const sentenceOf = (fact: Fact) => closeSentence(renderFactSentence(fact, lang, byId, t));
  const kept = facts.filter((fact) => verifier.verify(sentenceOf(fact), lang, [fact.id]).ok);
  const text = kept.map(sentenceOf).join(' ');
  const report = verifier.verify(
    text,
    lang,
    kept.map((fact) => fact.id),
  );
  return {
    text,
    facts: kept.map((fact) => fact.id),
    numbers: report.numbers,
    verified: report.ok && kept.length > 0,
    sources: distinctSources(kept),
    asOf: latestAsOf(kept),
  };
}
