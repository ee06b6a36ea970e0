import type { Result } from '../../facts/result.ts';
import { ok } from '../../facts/result.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import type { SettingsRepository } from '../../facts/settings.ts';
import type { FactRepository } from '../../facts/store/index.ts';
import type { Config } from '../config.ts';
import type { DigestLogStore } from '../digest/digest-log.ts';
import { PostgresDigestLog } from '../digest/postgres-log.ts';
import type { LlmLimits } from '../llm/limits.ts';
import type { Logger } from '../log.ts';
import { factChecks, openFactStore } from '../open-store.ts';
import { openSettingsStore } from '../settings-store.ts';
import { openPostgresBackend } from '../store/postgres/backend.ts';
import type { StoreChange } from '../store/postgres/fact-store.ts';
import { createSharedLlmLimits } from '../store/postgres/llm-limits.ts';

/** Where the program keeps its state: the data folder's files, or PostgreSQL when DATABASE_URL is set. */
export interface OpenedStores {
  store: FactRepository;
  settings: SettingsRepository;
  warnings: string[];
  /** The digest log the scheduler shares with other processes; absent: the data folder's `digests.json`. */
  openDigestLog?: (now: () => Date) => DigestLogStore;
  /** Changes other processes made, once applied (a database store only). */
  onExternalChange?: (listener: (change: StoreChange) => void) => () => void;
  /** LLM limits counted across every process (a database store only). */
  llmLimits?: LlmLimits;
  close(): Promise<void>;
}

/** Opens the stores the configuration names: PostgreSQL (migrated first) with DATABASE_URL, else the files. */
export async function openStores(config: Config, log: Logger): Promise<Result<OpenedStores>> {
  if (config.DATABASE_URL) {
    const opened = await openPostgresBackend(config.DATABASE_URL, loadSeed, {
      fourEyes: config.BRIEFING_FOUR_EYES,
      checks: factChecks(),
      onError: (error) => log.warn('database.error', { error: error.message }),
    });
    if (!opened.ok) return opened;
    const { store, settings, pool, warnings, close } = opened.value;
    const llmLimits = createSharedLlmLimits(pool, {
      perUserPerHour: config.BRIEFING_LLM_USER_PER_HOUR,
      globalPerMinute: config.BRIEFING_LLM_GLOBAL_PER_MINUTE,
      onError: (error) => log.warn('database.error', { error: error.message }),
    });
    return ok({
      store,
      settings,
      warnings,
      llmLimits,
      openDigestLog: (now) => new PostgresDigestLog(pool, now),
      onExternalChange: (listener) => store.onExternalChange(listener),
      close: async () => {
        await llmLimits.close();
        await close();
      },
    });
  }
  const facts = await openFactStore(config);
  if (!facts.ok) return facts;
  const settings = await openSettingsStore(config.dataDir);
  if (!settings.ok) {
    await facts.value.store.close();
    return settings;
  }
  const { store, warnings } = facts.value;
  return ok({
    store,
    settings: settings.value,
    warnings,
    close: async () => {
      await settings.value.close();
      await store.close();
    },
  });
}
