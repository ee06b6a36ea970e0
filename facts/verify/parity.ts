import type { FactCheck } from '../dataset.ts';
import { extractNumbers, renderFactText } from '../numbers/index.ts';
import { entityNumberNames } from '../numbers/registry-names.ts';
import { type Problem, problem } from '../problem.ts';
import { type Fact, LANGS } from '../schema/index.ts';
import { findEntitiesIn } from '../search/index.ts';
import { attributableOf } from './attribution.ts';
import { compareWithValue } from './match.ts';

/** A value's name as a moderator reads it in a problem line. */
const label = (fact: Fact, index: number) => fact.values[index]!.key;

/**
 * Bilingual parity: every number in each rendered text is one of the fact's values, and every value appears in both
 * texts. A fact whose two languages disagree cannot be saved.
 */
export const checkParity: FactCheck = (fact, entities) => {
  const problems: Problem[] = [];
  // A name with digits ("Hut 8", "S&P 500") is no number of the fact.
  const names = entityNumberNames(entities);
  for (const lang of LANGS) {
    const text = renderFactText(fact, lang);
    const mentions = extractNumbers(text, lang, { names });
    for (const mention of mentions) {
      if (!fact.values.some((value) => compareWithValue(mention, value) === 'match')) {
        problems.push(problem(['text', lang], 'notAValue', { text: mention.text }));
      }
    }
    fact.values.forEach((value, index) => {
      if (!mentions.some((mention) => compareWithValue(mention, value) === 'match')) {
        problems.push(
          problem(['values', label(fact, index)], lang === 'fr' ? 'valueNotInFrench' : 'valueNotInEnglish'),
        );
      }
    });
  }
  return problems;
};

/** Every company, person, law… a fact's text names is one of its entities, so attribution can rely on `entities`. */
export const checkNamedEntities: FactCheck = (fact, entities) => {
  const attributable = attributableOf(entities);
  const named = new Set(
    LANGS.flatMap((lang) =>
      findEntitiesIn(renderFactText(fact, lang), attributable).map((hit) => hit.entityId),
    ),
  );
  return [...named]
    .filter((id) => !fact.entities.includes(id))
    .map((id) => problem(['entities'], 'unlistedEntity', { id }));
};
