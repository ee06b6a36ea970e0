export { classifyChanges } from './changes.ts';
export { citedSource, composeDigest, coverageOf } from './compose.ts';
export { rankChanges } from './rank.ts';
export { dayNumber, pickKeyFigures } from './rotation.ts';
export { keyQuote, safeSentences } from './shorten.ts';
export * from './types.ts';
export { typeset } from './typeset.ts';
