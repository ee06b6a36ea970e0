import type { Entity, Fact } from '../../facts/schema/index.ts';
import { createFactIndex, type FactSearchIndex } from '../../facts/search/index.ts';
import type { StoreChange } from '../store/postgres/fact-store.ts';

/**
 * The search index, kept current with changes other processes made: each changed fact is upserted, and a change
 * of entities (which the index matches questions against) rebuilds it. Callers hold this one object throughout.
 */
export function createLiveIndex(
  facts: () => Fact[],
  entities: () => Entity[],
): { index: FactSearchIndex; apply(change: StoreChange): void } {
  let current = createFactIndex(facts(), entities());
  const index: FactSearchIndex = {
    search: (...args) => current.search(...args),
    query: (...args) => current.query(...args),
    upsert: (fact) => current.upsert(fact),
    remove: (id) => current.remove(id),
    size: () => current.size(),
  };
  return {
    index,
    apply(change) {
      if (change.entitiesChanged) current = createFactIndex(facts(), entities());
      else for (const fact of change.facts) current.upsert(fact);
    },
  };
}
