import type { Entity } from '../schema/index.ts';

/** The names and aliases of a registry that contain a digit ("S&P 500", "Hut 8"), for `extractNumbers`' `names`. */
export function entityNumberNames(entities: readonly Entity[]): string[] {
  const names = new Set<string>();
  for (const entity of entities) {
    for (const name of [entity.name.fr, entity.name.en, ...entity.aliases.fr, ...entity.aliases.en]) {
      if (/\d/.test(name)) names.add(name);
    }
  }
  return [...names];
}
