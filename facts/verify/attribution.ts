import { ATTRIBUTABLE_TYPES, type Entity, type Fact } from '../schema/index.ts';
import { findEntitiesIn } from '../search/index.ts';
import type { Span } from './clauses.ts';

// One stable array per registry content, so the entity matcher's compiled aliases are reused across calls.
const attributableCache = new Map<string, Entity[]>();

export function attributableOf(entities: readonly Entity[]): Entity[] {
  const key = entities
    .map((entity) =>
      [
        entity.id,
        entity.type,
        entity.name.fr,
        entity.name.en,
        ...entity.aliases.fr,
        ...entity.aliases.en,
      ].join('\u0001'),
    )
    .join('\u0002');
  let cached = attributableCache.get(key);
  if (!cached) {
    if (attributableCache.size > 16) attributableCache.clear();
    cached = entities.filter((entity) => ATTRIBUTABLE_TYPES.has(entity.type));
    attributableCache.set(key, cached);
  }
  return cached;
}

/** Who a text names, and who speaks for whom, so a figure can be checked against the entity it is credited to. */
export class Attribution {
  private readonly byId: Map<string, Entity>;
  private readonly attributable: Entity[];

  constructor(entities: readonly Entity[]) {
    this.byId = new Map(entities.map((entity) => [entity.id, entity]));
    this.attributable = attributableOf(entities);
  }

  /** The attributable entities named in a text, with where. */
  named(text: string): Array<{ entityId: string; start: number; end: number }> {
    return findEntitiesIn(text, this.attributable);
  }

  /** A fact accounts for an entity when it concerns it, or an entity it is affiliated with (either way round). */
  accountsFor(fact: Fact, entityId: string): boolean {
    if (fact.entities.includes(entityId)) return true;
    const own = this.byId.get(entityId)?.affiliations ?? [];
    return fact.entities.some(
      (id) => own.includes(id) || (this.byId.get(id)?.affiliations ?? []).includes(entityId),
    );
  }

  /** Entities named inside a span (a clause or a sentence). */
  static within(named: ReadonlyArray<{ entityId: string; start: number }>, span: Span): string[] {
    return [
      ...new Set(
        named.filter((hit) => hit.start >= span.start && hit.start < span.end).map((hit) => hit.entityId),
      ),
    ];
  }
}
