import type { FactCheck } from '../facts/dataset.ts';
import type { Result } from '../facts/result.ts';
import { loadSeed } from '../facts/seed/index.ts';
import type { FactRepository } from '../facts/store/index.ts';
import { checkNamedEntities, checkParity } from '../facts/verify/index.ts';
import type { Config } from './config.ts';
import { openStore } from './store/index.ts';

/** The rules every fact must pass beyond its schema, on every write and in `facts validate`. */
export const factChecks = (): FactCheck[] => [checkParity, checkNamedEntities];

/** The store the program runs on: its files in the data folder, created from the embedded seed on first run. */
export function openFactStore(
  config: Config,
): Promise<Result<{ store: FactRepository; warnings: string[] }>> {
  return openStore(config.dataDir, loadSeed, { fourEyes: config.BRIEFING_FOUR_EYES, checks: factChecks() });
}
