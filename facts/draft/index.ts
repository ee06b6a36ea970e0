export { type DraftInput, draftFacts } from './draft.ts';
export { CALENDAR_UNITS, valueFromMention } from './mention-value.ts';
export { translationProblems, withTranslation } from './translation.ts';
export type * from './types.ts';
export { draftNote, draftToNewFact, type WriteOutcome, writeDrafts } from './write.ts';
