import type { Entity, Fact, FactKind } from '../schema/index.ts';
import { analyzeText, collectTextTerms, symbolConcepts, valueTerms } from './analyze.ts';
import { stemWord } from './concepts.ts';
import { stripPlaceholders, tokenize } from './normalize.ts';
import { factSpans, type MonthSpan, spanOf } from './periods.ts';

/** What MiniSearch indexes for one fact: terms per field, already folded and stemmed, each once. */
export interface FactDocument {
  id: string;
  words: readonly string[];
  names: readonly string[];
  concepts: readonly string[];
  entities: readonly string[];
}

/** What ranking needs to know about an indexed fact without reading the store. */
export interface FactMeta {
  kind: FactKind;
  entities: readonly string[];
  speaker?: string;
  /** The intents, units, periods and topics the fact carries, each once: ranking reads the first three. */
  concepts: readonly string[];
  predicts: boolean;
  hasDate: boolean;
  /** Carries a number: it can answer "how much". */
  hasQuantity: boolean;
  /** Carries an amount of money (USD, EUR). */
  hasMoney: boolean;
  /** Carries a number of things counted one by one (a count, bitcoins, megawatts, years…), not money or a share. */
  hasCount: boolean;
  /** Its dated values as spans of months, for a question naming a period (see `periods.ts`). */
  spans: readonly MonthSpan[];
  /** Dates a value after the fact's as-of date: a plan or deadline ("by December 2026"). */
  plansAhead: boolean;
  /** The measures its values carry (`netLoss`, `btcMined`): what figures it can answer with. */
  measures: readonly string[];
}

const COUNTED_UNITS: ReadonlySet<string> = new Set(['count', 'BTC', 'MW', 'GW', 'years', 'months', 'days']);

/** What an entity adds to the document of every fact concerning it: its names' forms and their concepts. */
export interface EntityTerms {
  names: readonly string[];
  concepts: readonly string[];
}

/** Prefixed terms, made once per name: concepts and entities are few, and facts and questions repeat them. */
const PREFIXED: Record<'~' | '@', Map<string, string>> = { '~': new Map(), '@': new Map() };
const PREFIXED_MAX = 10_000;

function prefix(mark: '~' | '@', name: string): string {
  const made = PREFIXED[mark];
  let term = made.get(name);
  if (term === undefined) {
    term = mark + name;
    if (made.size >= PREFIXED_MAX) made.clear();
    made.set(name, term);
  }
  return term;
}

/** Concept terms carry `~` and entity terms `@` so a matched query term says which kind it was. */
export const conceptTerm = (concept: string): string => prefix('~', concept);
export const entityTerm = (id: string): string => prefix('@', id);

/** The distinct non-empty terms, in order of first appearance. */
function distinct(terms: readonly string[]): string[] {
  const out: string[] = [];
  // A document's fields hold tens of terms: a linear look-up beats building a set.
  const seen = terms.length > 48 ? new Set<string>() : undefined;
  for (const term of terms) {
    if (!term || (seen ? seen.has(term) : out.includes(term))) continue;
    seen?.add(term);
    out.push(term);
  }
  return out;
}

/** The names and aliases of an entity in both languages, each word as written and stemmed both ways. */
export function entityTermsOf(entity: Entity): EntityTerms {
  const names: string[] = [];
  const concepts: string[] = [];
  for (const lang of ['fr', 'en'] as const) {
    for (const name of [entity.name[lang], ...entity.aliases[lang]]) {
      for (const token of analyzeText(name, lang)) concepts.push(...token.concepts);
      for (const { surface } of tokenize(name))
        names.push(surface, stemWord(surface, 'fr'), stemWord(surface, 'en'));
    }
  }
  return { names, concepts };
}

/**
 * Builds the indexed document of a fact: both texts, its entities' names and aliases (`termsOf`, which the caller
 * may cache per entity), its values' keys and units.
 */
export function buildDocument(
  fact: Fact,
  termsOf: (entityId: string) => EntityTerms | undefined,
): { doc: FactDocument; meta: FactMeta } {
  const words: string[] = [];
  const concepts: string[] = [];
  for (const lang of ['fr', 'en'] as const) {
    collectTextTerms(stripPlaceholders(fact.text[lang]), lang, words, concepts);
    concepts.push(...symbolConcepts(fact.text[lang]));
  }
  for (const value of fact.values) {
    const terms = valueTerms(value);
    words.push(...terms.words);
    concepts.push(...terms.concepts);
  }
  const names: string[] = [];
  for (const id of fact.entities) {
    const terms = termsOf(id);
    if (!terms) continue;
    concepts.push(...terms.concepts);
    names.push(...terms.names);
  }
  if (fact.kind === 'quote') concepts.push('quote');
  const carried = distinct(concepts);
  return {
    doc: {
      id: fact.id,
      words: distinct(words),
      names: distinct(names),
      concepts: carried.map(conceptTerm),
      entities: distinct(fact.entities.map(entityTerm)),
    },
    meta: {
      kind: fact.kind,
      entities: fact.entities,
      ...(fact.quote ? { speaker: fact.quote.speaker } : {}),
      concepts: carried,
      predicts: carried.includes('predict'),
      hasDate: fact.values.some((value) => value.kind === 'date'),
      hasQuantity: fact.values.some((value) => value.kind === 'quantity'),
      hasMoney: fact.values.some(
        (value) => value.kind === 'quantity' && (value.unit === 'USD' || value.unit === 'EUR'),
      ),
      spans: factSpans(fact),
      plansAhead: factSpans(fact).some(
        ([, end]) => end > (spanOf(fact.asOf.slice(0, 7))?.[0] ?? Number.POSITIVE_INFINITY),
      ),
      hasCount: fact.values.some((value) => value.kind === 'quantity' && COUNTED_UNITS.has(value.unit)),
      measures: distinct(
        fact.values.flatMap((value) => (value.kind === 'quantity' && value.measure ? [value.measure] : [])),
      ),
    },
  };
}
