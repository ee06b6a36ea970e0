export { periodsAgree } from './calendar.ts';
export { compareWithValue } from './match.ts';
export { checkNamedEntities, checkParity } from './parity.ts';
export type * from './types.ts';
export { createVerifier, type Extractor, type Verifier, type VerifierOptions } from './verifier.ts';
