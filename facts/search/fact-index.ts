import MiniSearch, { type Query } from 'minisearch';
import type { Entity, Fact, Lang } from '../schema/index.ts';

type EntityType = Entity['type'];

import { isTopicalConcept } from './concepts.ts';
import { buildDocument, conceptTerm, entityTerm, type FactDocument, type FactMeta } from './document.ts';
import { type AnalyzedQuestion, analyzeQuestion } from './question.ts';
import { type RankContext, rankMultiplier, specificityOf } from './rank.ts';

/** A fact that matches a question, best first. */
export interface SearchHit {
  factId: string;
  score: number;
  /** Entity ids the question named that this fact concerns. */
  entities: string[];
}

/** Everything a search learned: ranked hits, the question as read, and which of its terms matched any fact. */
export interface SearchOutcome {
  hits: SearchHit[];
  question: AnalyzedQuestion;
  matchedTerms: ReadonlySet<string>;
  /** Named entities: their type and how specific each is in the index (see `specificityOf`). */
  named: ReadonlyMap<string, NamedEntity>;
}

/** An entity the question names, as the index sees it. */
export interface NamedEntity {
  type: EntityType;
  specificity: number;
}

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
const splitTerms = (text: string): string[] => text.split(' ').filter(Boolean);

/** Words may differ from the indexed form by one edit once they are long enough to make that safe. */
const fuzzyLongWords = (term: string): number | false => (term.length >= 7 && !/\d/.test(term) ? 1 : false);

/** Weight of words that only carry an intent, a unit or a period (`worth`, `september`), against topical ones. */
const GENERIC_WEIGHT = 0.4;

/** Builds the subqueries: words against texts and names, concepts and named entities against their own fields. */
function buildQuery(question: AnalyzedQuestion): Query {
  const queries: Query[] = [];
  const add = (terms: readonly string[], query: Omit<Exclude<Query, string | symbol>, 'queries'>) => {
    if (terms.length) queries.push({ ...query, queries: [terms.join(' ')] });
  };
  const textFields = { fields: ['words', 'names'], fuzzy: fuzzyLongWords };
  add(question.words, { ...textFields, boost: { words: 1, names: 1.2 } });
  add(question.genericWords, { ...textFields, boost: { words: GENERIC_WEIGHT, names: GENERIC_WEIGHT } });
  // Intents, units and periods (`howmuch`, `usd`, `q3`) match most facts: they rank (see rankMultiplier), not retrieve.
  add(question.concepts.filter(isTopicalConcept).map(conceptTerm), {
    fields: ['concepts'],
    boost: { concepts: 1.5 },
  });
  add(question.entityIds.map(entityTerm), { fields: ['entities'], boost: { entities: 3 } });
  return { combineWith: 'OR', queries };
}

/**
 * Indexes the verified facts (drafts and retired facts are left out) with MiniSearch: French and English texts each
 * stemmed in their language, shared synonym concepts, entity names and aliases, value keys, units and periods.
 */
export function createFactIndex(facts: readonly Fact[], entities: readonly Entity[]): FactSearchIndex {
  const entitiesById = new Map(entities.map((entity) => [entity.id, entity]));
  const mini = new MiniSearch<FactDocument>({
    fields: [...FIELDS],
    tokenize: splitTerms,
    processTerm: (term) => term,
  });
  const metas = new Map<string, FactMeta>();
  const entityCounts = new Map<string, number>();
  const count = (ids: readonly string[], delta: number) => {
    for (const id of ids) entityCounts.set(id, (entityCounts.get(id) ?? 0) + delta);
  };

  const remove = (id: string) => {
    const meta = metas.get(id);
    if (!meta) return;
    mini.discard(id);
    metas.delete(id);
    count(meta.entities, -1);
  };
  const upsert = (fact: Fact) => {
    remove(fact.id);
    if (fact.status !== 'verified') return;
    const { doc, meta } = buildDocument(fact, entitiesById);
    mini.add(doc);
    metas.set(fact.id, meta);
    count(meta.entities, 1);
  };
  for (const fact of facts) upsert(fact);

  const query = (text: string, lang: Lang): SearchOutcome => {
    const question = analyzeQuestion(text, lang, entities);
    const named = new Map<string, NamedEntity>();
    for (const id of question.entityIds) {
      const type = entitiesById.get(id)?.type ?? 'company';
      named.set(id, { type, specificity: specificityOf(entityCounts.get(id) ?? 0, metas.size) });
    }
    const context: RankContext = {
      named: new Map([...named].map(([id, { specificity }]) => [id, specificity])),
      persons: new Set([...named].filter(([, { type }]) => type === 'person').map(([id]) => id)),
      concepts: new Set(question.concepts),
    };
    const matchedTerms = new Set<string>();
    const hits: SearchHit[] = [];
    for (const result of mini.search(buildQuery(question))) {
      const meta = metas.get(result.id as string);
      if (!meta) continue;
      for (const term of result.queryTerms) matchedTerms.add(term);
      const entitiesNamed = question.entityIds.filter((id) => meta.entities.includes(id));
      hits.push({
        factId: result.id as string,
        score: result.score * rankMultiplier(meta, context),
        entities: entitiesNamed,
      });
    }
    hits.sort((a, b) => b.score - a.score || (a.factId < b.factId ? -1 : 1));
    return { hits, question, matchedTerms, named };
  };

  return {
    search: (text, lang, options) => query(text, lang).hits.slice(0, options?.limit ?? 10),
    query,
    upsert,
    remove,
    size: () => metas.size,
  };
}
