import { type Entity, isSnowflake, type Lang } from '../../facts/schema/index.ts';
import { foldText as fold } from '../../facts/search/index.ts';
import type { CommandContext } from '../index.ts';
import { markup } from '../markup.ts';

/** The registry's entities by id, for turning ids into names. */
export const entitiesById = (ctx: CommandContext): Map<string, Entity> =>
  new Map(ctx.services.store.listEntities().map((entity) => [entity.id, entity]));

/** An entity's name in the reader's language, or its id when the registry does not know it. */
export const nameOf = (entities: ReadonlyMap<string, Entity>, id: string, lang: Lang): string =>
  entities.get(id)?.name[lang] ?? id;

/** Who did something: a Discord user id becomes a mention (never pinged), a console user or `seed` stays as is. */
export const renderActor = (actor: string): string => (isSnowflake(actor) ? markup.user(actor) : actor);

/** The entity a moderator means by an id or a name in either language (case and accents aside). */
export function resolveEntity(entities: Iterable<Entity>, typed: string): Entity | undefined {
  const wanted = fold(typed);
  for (const entity of entities) {
    const names = [entity.id, entity.name.fr, entity.name.en, ...entity.aliases.fr, ...entity.aliases.en];
    if (names.some((name) => fold(name) === wanted)) return entity;
  }
  return undefined;
}
