export { type EntityMention, findEntitiesIn } from './entity-matching.ts';
export {
  createFactIndex,
  type FactSearchIndex,
  type NamedEntity,
  type SearchHit,
  type SearchOutcome,
} from './fact-index.ts';
export { foldText, foldWithOffsets } from './fold.ts';
export { tokenize } from './normalize.ts';
export { type FactSelection, type SelectOptions, selectFacts } from './select.ts';
export { stemEn } from './stem-en.ts';
export { stemFr } from './stem-fr.ts';
export { type ConceptKind, SYNONYM_GROUPS, type SynonymGroup } from './synonyms.ts';
