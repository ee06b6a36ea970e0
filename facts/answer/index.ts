export { type AnswererDeps, createAnswerer } from './engine.ts';
export { type GateVerdict, gateLlmText } from './gate.ts';
export { identifyLanguage, isWrittenIn } from './language.ts';
export { buildPrompt, factsBlock, fenceQuestion, readCitations } from './prompt.ts';
export { renderFactSentence, renderQuote } from './quote.ts';
export { findUnsafe, type UnsafeKind } from './safety.ts';
export { closeSentence, composeTemplatedAnswer, distinctSources, latestAsOf } from './template.ts';
export type * from './types.ts';
