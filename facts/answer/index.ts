export { type AnswererDeps, createAnswerer } from './engine.ts';
export { buildPrompt, factsBlock, fenceQuestion, readCitations } from './prompt.ts';
export { renderFactSentence, renderQuote, translatedFrom } from './quote.ts';
export { closeSentence, composeTemplatedAnswer, distinctSources, latestAsOf } from './template.ts';
export type * from './types.ts';
