import MiniSearch, { type Query } from 'minisearch';
import type { Entity, Fact, Lang } from '../schema/index.ts';
import { isTopicalConcept } from './concepts.ts';
import {
  buildDocument,
  conceptTerm,
  type EntityTerms,
  entityTerm,
  entityTermsOf,
  type FactDocument,
} from './document.ts';
import { FactGroups } from './fact-groups.ts';
import { type AnalyzedQuestion, analyzeQuestion } from './question.ts';
import { createRanker, type RankedEntity, specificityOf } from './rank.ts';
import {
  type IndexedFact,
  type NamedEntity,
  RankedOutcome,
  type SearchHit,
  type SearchOutcome,
} from './search-outcome.ts';

export type { NamedEntity, SearchHit, SearchOutcome } from './search-outcome.ts';

/** Full-text search over verified facts, in both languages. */
export interface FactSearchIndex {
  /** The facts that match a question, best first (10 unless told). */
  search(question: string, lang: Lang, options?: { limit?: number }): SearchHit[];
  /** The same search with what the off-topic decision needs: every hit, the analysed question, matched terms. */
  query(question: string, lang: Lang): SearchOutcome;
  /** Indexes a fact again after a change; a fact that is not verified (draft, retired) leaves the index. */
  upsert(fact: Fact): void;
  remove(id: string): void;
  size(): number;
}

const FIELDS = ['words', 'names', 'concepts', 'entities'] as const;

/** Documents and queries arrive analysed (folded, stemmed, prefixed): MiniSearch only splits them on spaces. */
const joinTerms = (terms: readonly string[]): string => terms.join(' ');
// Documents hold no empty term, and MiniSearch drops those of queries: only an empty field needs care.
const splitTerms = (text: string): string[] => (text === '' ? [] : text.split(' '));
const keepTerm = (term: string): string => term;

/** An indexed fact with the document MiniSearch holds for it and the intents, units and periods it carries. */
interface Entry extends IndexedFact {
  doc: FactDocument;
  generic: readonly string[];
}

const isGeneric = (concept: string): boolean => !isTopicalConcept(concept);

const DIGIT = /\d/;

/** Words may differ from the indexed form by one edit once they are long enough to make that safe. */
const fuzzyLongWords = (term: string): number | false => (term.length >= 7 && !DIGIT.test(term) ? 1 : false);

/** Weight of words that only carry an intent, a unit or a period (`worth`, `september`), against topical ones. */
const GENERIC_WEIGHT = 0.4;

type SubQuery = Omit<Exclude<Query, string | symbol>, 'queries'>;

const TEXT_FIELDS = ['words', 'names'];
const WORD_QUERY: SubQuery = { fields: TEXT_FIELDS, fuzzy: fuzzyLongWords, boost: { words: 1, names: 1.2 } };
const GENERIC_QUERY: SubQuery = {
  fields: TEXT_FIELDS,
  fuzzy: fuzzyLongWords,
  boost: { words: GENERIC_WEIGHT, names: GENERIC_WEIGHT },
};
const CONCEPT_QUERY: SubQuery = { fields: ['concepts'], boost: { concepts: 1.5 } };
const ENTITY_QUERY: SubQuery = { fields: ['entities'], boost: { entities: 3 } };

/** Builds the subqueries: words against texts and names, concepts and named entities against their own fields. */
function buildQuery(question: AnalyzedQuestion): Query {
  const queries: Query[] = [];
  const add = (terms: readonly string[], query: SubQuery) => {
    if (terms.length) queries.push({ ...query, queries: [joinTerms(terms)] });
  };
  add(question.words, WORD_QUERY);
  add(question.genericWords, GENERIC_QUERY);
  // Intents, units and periods (`howmuch`, `usd`, `q3`) match most facts: they rank (see createRanker), not retrieve.
  // The kind a "which miner" question names is what the answer is, not a topic the fact must share.
  const kindOnly = new Set(question.tokens.filter((t) => t.answerType).flatMap((t) => t.concepts));
  for (const token of question.tokens)
    if (!token.answerType) for (const c of token.concepts) kindOnly.delete(c);
  add(
    question.concepts.filter((c) => isTopicalConcept(c) && !kindOnly.has(c)).map(conceptTerm),
    CONCEPT_QUERY,
  );
  add(question.entityIds.map(entityTerm), ENTITY_QUERY);
  return { combineWith: 'OR', queries };
}

/** How many distinct terms a question's query seeks: once all have matched, no result adds a matched term. */
function countQueryTerms(question: AnalyzedQuestion): number {
  return (
    new Set([...question.words, ...question.genericWords]).size +
    new Set(question.concepts.filter(isTopicalConcept)).size +
    new Set(question.entityIds).size
  );
}

/**
 * Indexes the verified facts (drafts and retired facts are left out) with MiniSearch: French and English texts each
 * stemmed in their language, shared synonym concepts, entity names and aliases, value keys, units and periods.
 * MiniSearch scores the text (BM25+); ranking then weighs what the question asks for (see createRanker).
 */
export function createFactIndex(facts: readonly Fact[], entities: readonly Entity[]): FactSearchIndex {
  const entitiesById = new Map(entities.map((entity) => [entity.id, entity]));
  // Every fact about an entity carries its names: analyse them once per entity, not once per fact.
  const entityTerms = new Map<string, EntityTerms>();
  const termsOf = (id: string): EntityTerms | undefined => {
    const entity = entitiesById.get(id);
    if (!entity) return undefined;
    let terms = entityTerms.get(id);
    if (!terms) {
      terms = entityTermsOf(entity);
      entityTerms.set(id, terms);
    }
    return terms;
  };
  const mini = new MiniSearch<FactDocument>({
    fields: [...FIELDS],
    tokenize: splitTerms,
    processTerm: keepTerm,
    stringifyField: joinTerms,
  });
  // Each fact keeps the document MiniSearch indexed: removing that very document updates the index at once.
  const indexed = new Map<string, Entry>();
  // Ranking looks facts up by the entities they concern and the intents, units and periods they carry.
  const about = new FactGroups<Entry>();
  const carrying = new FactGroups<Entry>();

  const remove = (id: string) => {
    const entry = indexed.get(id);
    if (!entry) return;
    mini.remove(entry.doc);
    indexed.delete(id);
    about.delete(entry.meta.entities, entry);
    carrying.delete(entry.generic, entry);
  };
  const upsert = (fact: Fact) => {
    remove(fact.id);
    if (fact.status !== 'verified') return;
    const { doc, meta } = buildDocument(fact, termsOf);
    mini.add(doc);
    const entry: Entry = { id: fact.id, meta, doc, generic: meta.concepts.filter(isGeneric) };
    indexed.set(fact.id, entry);
    about.add(meta.entities, entry);
    carrying.add(entry.generic, entry);
  };
  for (const fact of facts) upsert(fact);

  const query = (text: string, lang: Lang): SearchOutcome => {
    const question = analyzeQuestion(text, lang, entities);
    const named = new Map<string, NamedEntity>();
    const ranked: RankedEntity<Entry>[] = [];
    for (const id of question.entityIds) {
      if (named.has(id)) continue;
      const type = entitiesById.get(id)?.type ?? 'company';
      const facts = about.get(id);
      const specificity = specificityOf(facts.size, indexed.size);
      named.set(id, { type, specificity });
      ranked.push({ id, specificity, person: type === 'person', facts });
    }
    const rank = createRanker({
      named: ranked,
      concepts: new Set(question.concepts),
      carrying: [...new Set(question.concepts)].filter(isGeneric).map((concept) => carrying.get(concept)),
    });
    const results = mini.search(buildQuery(question));
    const matched: IndexedFact[] = [];
    const scores = new Float64Array(results.length);
    const matchedTerms = new Set<string>();
    const queryTerms = countQueryTerms(question);
    const termsByFact = new Map<string, ReadonlySet<string>>();
    for (const result of results) {
      const fact = indexed.get(result.id as string);
      if (!fact) continue;
      termsByFact.set(fact.id, new Set(result.queryTerms));
      // Once every query term has matched, the other results cannot add any.
      if (matchedTerms.size < queryTerms) for (const term of result.queryTerms) matchedTerms.add(term);
      scores[matched.length] = result.score * rank(fact);
      matched.push(fact);
    }
    return new RankedOutcome(
      question,
      matchedTerms,
      named,
      matched,
      scores.subarray(0, matched.length),
      termsByFact,
    );
  };

  return {
    search: (text, lang, options) => query(text, lang).best(options?.limit ?? 10),
    query,
    upsert,
    remove,
    size: () => indexed.size,
  };
}
