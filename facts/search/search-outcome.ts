import type { Entity } from '../schema/index.ts';
import type { FactMeta } from './document.ts';
import type { AnalyzedQuestion } from './question.ts';

/** A fact that matches a question, best first. */
export interface SearchHit {
  factId: string;
  score: number;
  /** Entity ids the question named that this fact concerns. */
  entities: string[];
}

/** An entity the question names, as the index sees it. */
export interface NamedEntity {
  type: Entity['type'];
  specificity: number;
}

/** Everything a search learned: ranked hits, the question as read, and which of its terms matched any fact. */
export interface SearchOutcome {
  /** Every hit, best first (sorted when first read). */
  readonly hits: SearchHit[];
  /**
   * The first `limit` of `hits` (of those concerning one of `concerning`, when given, and that `accept` keeps),
   * without sorting all.
   */
  best(
    limit: number,
    concerning?: readonly string[],
    accept?: (meta: FactMeta, id: string) => boolean,
  ): SearchHit[];
  question: AnalyzedQuestion;
  matchedTerms: ReadonlySet<string>;
  /** Named entities: their type and how specific each is in the index (see `specificityOf`). */
  named: ReadonlyMap<string, NamedEntity>;
  /** The query terms (stems, `~concept`, `@entity`) one fact matched: what of the question it covers. */
  termsMatchedBy(factId: string): ReadonlySet<string>;
}

/** An indexed fact: its id and what ranking reads. */
export interface IndexedFact {
  id: string;
  meta: FactMeta;
}

/** Hits are ordered by score, then by fact id so that equal scores keep one order. */
const before = (a: SearchHit, b: SearchHit): number => b.score - a.score || (a.factId < b.factId ? -1 : 1);

/** A search's matches, kept unsorted: most readers want only the best few. */
export class RankedOutcome implements SearchOutcome {
  #hits: SearchHit[] | undefined;

  /**
   * `scores[i]` is the score of `matched[i]`. The outcome holds the indexed facts themselves, so a later change to
   * the index leaves what this search saw as it was.
   */
  constructor(
    readonly question: AnalyzedQuestion,
    readonly matchedTerms: ReadonlySet<string>,
    readonly named: ReadonlyMap<string, NamedEntity>,
    private readonly matched: readonly IndexedFact[],
    private readonly scores: Float64Array,
    private readonly termsByFact: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {}

  termsMatchedBy(factId: string): ReadonlySet<string> {
    return this.termsByFact.get(factId) ?? new Set();
  }

  get hits(): SearchHit[] {
    this.#hits ??= this.matched.map((_, i) => this.hitAt(i)).sort(before);
    return this.#hits;
  }

  best(
    limit: number,
    concerning?: readonly string[],
    accept?: (meta: FactMeta, id: string) => boolean,
  ): SearchHit[] {
    const size = Math.max(0, Math.floor(limit));
    const top: SearchHit[] = [];
    for (let i = 0; i < this.matched.length && size > 0; i++) {
      const score = this.scores[i]!;
      const fact = this.matched[i]!;
      const last = top.length === size ? top[size - 1] : undefined;
      // Most matches rank below the last kept: turned away before any allocation.
      if (last && (score < last.score || (score === last.score && fact.id > last.factId))) continue;
      if (concerning?.length && !fact.meta.entities.some((id) => concerning.includes(id))) continue;
      if (accept && !accept(fact.meta, fact.id)) continue;
      const hit = this.hitAt(i);
      let at = top.length;
      while (at > 0 && before(hit, top[at - 1]!) < 0) at--;
      top.splice(at, 0, hit);
      if (top.length > size) top.pop();
    }
    return top;
  }

  private hitAt(i: number): SearchHit {
    const { id, meta } = this.matched[i]!;
    const entities = this.question.entityIds.filter((entityId) => meta.entities.includes(entityId));
    return { factId: id, score: this.scores[i]!, entities };
  }
}
