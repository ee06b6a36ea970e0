import type { Entity, Fact, FactKind } from '../schema/index.ts';
import { analyzeText, symbolConcepts, valueTerms } from './analyze.ts';
import { stemWord } from './concepts.ts';
import { stripPlaceholders, tokenize } from './normalize.ts';

/** What MiniSearch indexes for one fact: space-separated terms per field, already folded and stemmed. */
export interface FactDocument {
  id: string;
  words: string;
  names: string;
  concepts: string;
  entities: string;
}

/** What ranking needs to know about an indexed fact without reading the store. */
export interface FactMeta {
  kind: FactKind;
  entities: readonly string[];
  speaker?: string;
  /** The concepts the fact carries, for ranking by intents, units and periods without searching for them. */
  concepts: ReadonlySet<string>;
  predicts: boolean;
  hasDate: boolean;
  /** Carries a number: it can answer "how much". */
  hasQuantity: boolean;
  /** Carries an amount of money (USD, EUR). */
  hasMoney: boolean;
}

/** Concept terms carry `~` and entity terms `@` so a matched query term says which kind it was. */
export const conceptTerm = (concept: string): string => `~${concept}`;
export const entityTerm = (id: string): string => `@${id}`;

const join = (terms: readonly string[]): string => [...new Set(terms)].join(' ');

/** Builds the indexed document of a fact: both texts, its entities' names and aliases, its values' keys and units. */
export function buildDocument(
  fact: Fact,
  entitiesById: ReadonlyMap<string, Entity>,
): { doc: FactDocument; meta: FactMeta } {
  const words: string[] = [];
  const concepts: string[] = [];
  for (const lang of ['fr', 'en'] as const) {
    const tokens = analyzeText(stripPlaceholders(fact.text[lang]), lang);
    words.push(...tokens.filter((t) => !t.stop).map((t) => t.stem));
    concepts.push(...tokens.flatMap((t) => t.concepts), ...symbolConcepts(fact.text[lang]));
  }
  for (const value of fact.values) {
    const terms = valueTerms(value);
    words.push(...terms.words);
    concepts.push(...terms.concepts);
  }
  const names: string[] = [];
  for (const id of fact.entities) {
    const entity = entitiesById.get(id);
    if (!entity) continue;
    for (const lang of ['fr', 'en'] as const) {
      for (const name of [entity.name[lang], ...entity.aliases[lang]]) {
        const tokens = analyzeText(name, lang);
        concepts.push(...tokens.flatMap((t) => t.concepts));
        names.push(
          ...tokenize(name).flatMap(({ surface }) => [
            surface,
            stemWord(surface, 'fr'),
            stemWord(surface, 'en'),
          ]),
        );
      }
    }
  }
  if (fact.kind === 'quote') concepts.push('quote');
  const predicts = concepts.includes('predict');
  return {
    doc: {
      id: fact.id,
      words: join(words),
      names: join(names),
      concepts: join(concepts.map(conceptTerm)),
      entities: join(fact.entities.map(entityTerm)),
    },
    meta: {
      kind: fact.kind,
      entities: fact.entities,
      ...(fact.quote ? { speaker: fact.quote.speaker } : {}),
      concepts: new Set(concepts),
      predicts,
      hasDate: fact.values.some((value) => value.kind === 'date'),
      hasQuantity: fact.values.some((value) => value.kind === 'quantity'),
      hasMoney: fact.values.some(
        (value) => value.kind === 'quantity' && (value.unit === 'USD' || value.unit === 'EUR'),
      ),
    },
  };
}
