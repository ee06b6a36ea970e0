import { entityNumberNames } from '../numbers/registry-names.ts';
import type { Entity, Lang } from '../schema/index.ts';
import { findEntitiesIn, foldText } from '../search/index.ts';
import { ArticleContext } from './context.ts';
import { findNameCandidates } from './names.ts';
import { proposeEntity, proposeSite } from './proposals.ts';
import type { SourceSentence } from './sentences.ts';
import type { MeasureCues, ProposedEntity } from './types.ts';
import { DRAFT_WORDS } from './words.ts';

export type Known = Entity | ProposedEntity;

/** The registry and the source's new names together, and who each sentence names. */
export interface ArticleEntities {
  all: readonly Entity[];
  byId: ReadonlyMap<string, Known>;
  proposals: ReadonlyMap<string, ProposedEntity>;
  /** Names with digits (Hut 8) the number extractor must not read as numbers. */
  numberNames: string[];
  named(sentence: SourceSentence): { entityId: string; start: number; end: number }[];
}

// Proposals carry what the matcher reads (id, type, names, aliases); they stand in the registry's place there.
const asEntities = (list: readonly Known[]) => list as readonly Entity[];

/**
 * Matches the registry by any alias, proposes the names it lacks (people, companies, and sites named after their
 * owner: the company the site's sentence names, else the one the article is about at that point).
 */
export function readEntities(
  text: string,
  sentences: readonly SourceSentence[],
  lang: Lang,
  registry: readonly Entity[],
  measures: readonly MeasureCues[] = [],
): ArticleEntities {
  const known = findEntitiesIn(text, registry);
  const cues = new Set(measures.flatMap((measure) => measure.cues[lang].map((cue) => foldText(cue))));
  const candidates = findNameCandidates(text, sentences, lang, known, cues);
  const ids = new Set(registry.map((entity) => entity.id));
  const proposals = new Map<string, ProposedEntity>();
  for (const candidate of candidates.filter((item) => item.type !== 'site')) {
    const proposed = proposeEntity(candidate);
    if (proposed.id.length >= 2 && !ids.has(proposed.id)) proposals.set(proposed.id, proposed);
  }
  const people = asEntities([...registry, ...proposals.values()]);
  const byId = new Map<string, Known>(people.map((entity) => [entity.id, entity]));
  const context = new ArticleContext(byId);
  const sites = candidates.filter((item) => item.type === 'site');
  for (const sentence of sentences) {
    const here = findEntitiesIn(text.slice(sentence.start, sentence.end), people).map((hit) => hit.entityId);
    for (const site of sites.filter((item) => item.at[0]! >= sentence.start && item.at[0]! < sentence.end)) {
      const named = here.find((id) => ['company', 'organization'].includes(byId.get(id)?.type ?? ''));
      const ownerId = named ?? context.company();
      const proposed = proposeSite(site, ownerId ? byId.get(ownerId) : undefined);
      if (!ids.has(proposed.id)) proposals.set(proposed.id, proposed);
    }
    affiliate(text.slice(sentence.start, sentence.end), here, context.company(), lang, byId, proposals);
    context.see(here);
  }
  const all = asEntities([...registry, ...proposals.values()]);
  for (const entity of all) byId.set(entity.id, entity);
  return {
    all,
    byId,
    proposals,
    numberNames: entityNumberNames(all),
    named: (sentence) =>
      findEntitiesIn(text.slice(sentence.start, sentence.end), all).map((hit) => ({
        ...hit,
        start: hit.start + sentence.start,
        end: hit.end + sentence.start,
      })),
  };
}

/**
 * A proposed person named beside a role ("chief executive", "directeur général") speaks for the one company the
 * sentence names, else the company the article is about: a quote of theirs then concerns it too.
 */
function affiliate(
  words: string,
  here: readonly string[],
  contextCompany: string | undefined,
  lang: Lang,
  byId: ReadonlyMap<string, Known>,
  proposals: Map<string, ProposedEntity>,
): void {
  const folded = ` ${foldText(words).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  if (!DRAFT_WORDS[lang].personCues.some((cue) => folded.includes(` ${cue} `))) return;
  const companies = here.filter((id) => ['company', 'organization'].includes(byId.get(id)?.type ?? ''));
  const company = companies.length === 1 ? companies[0] : companies.length ? undefined : contextCompany;
  if (!company) return;
  for (const id of here) {
    const proposed = proposals.get(id);
    if (proposed?.type === 'person' && !proposed.affiliations?.length) proposed.affiliations = [company];
  }
}
