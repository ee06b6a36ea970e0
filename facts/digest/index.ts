export { classifyChanges } from './changes.ts';
export { citedSource, composeDigest } from './compose.ts';
export { dayNumber, pickKeyFigures } from './rotation.ts';
export * from './types.ts';
