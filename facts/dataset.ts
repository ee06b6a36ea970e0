import type { Problem } from './problem.ts';
import type { Entity, Fact } from './schema/index.ts';

/**
 * An extra rule a fact must pass (bilingual parity…); returns what is wrong (paths inside the fact), or nothing.
 * Datasets themselves are validated in one place: the store's import plan (facts/store/import-data.ts), which
 * `briefing facts validate` runs on a scratch store.
 */
export type FactCheck = (fact: Fact, entities: readonly Entity[]) => Problem[];
