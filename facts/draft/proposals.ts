import type { Entity, Lang } from '../schema/index.ts';
import type { NameCandidate } from './names.ts';
import { slugOf } from './text.ts';
import type { ProposedEntity } from './types.ts';

/** A person or company candidate as an entity proposal; its id is its slug, its names the same in both languages. */
export function proposeEntity(candidate: NameCandidate): ProposedEntity {
  const aliases = [...new Set(candidate.aliases)];
  return {
    id: slugOf(candidate.name),
    type: candidate.type === 'person' ? 'person' : candidate.type === 'site' ? 'place' : 'company',
    name: { fr: candidate.name, en: candidate.name },
    aliases: { fr: aliases, en: aliases },
  };
}

/** A company's site, named as the registry names sites: `<owner>-<place>-site`, "Massillon site" / "site de Massillon". */
export function proposeSite(
  candidate: NameCandidate,
  owner: Entity | ProposedEntity | undefined,
): ProposedEntity {
  const place = candidate.name;
  const id = owner ? `${owner.id}-${slugOf(place)}-site` : `${slugOf(place)}-site`;
  const names: Record<Lang, string> = owner
    ? { en: `${owner.name.en} ${place} site`, fr: `site de ${place} de ${owner.name.fr}` }
    : { en: `${place} site`, fr: `site de ${place}` };
  return {
    id: id.slice(0, 80).replace(/-+$/, ''),
    type: 'place',
    name: names,
    aliases: { fr: [place], en: [place] },
    ...(owner ? { affiliations: [owner.id] } : {}),
  };
}
