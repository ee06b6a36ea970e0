import type { Result } from '../../../facts/result.ts';
import type { Entity, Fact } from '../../../facts/schema/index.ts';
import type { StoreOptions } from '../../../facts/store/repository.ts';
import { openPostgresStore, type PostgresFactRepository } from './fact-store.ts';
import { migrateToLatest } from './migrate.ts';
import { createPool } from './pool.ts';

export interface OpenPostgresOptions extends StoreOptions {
  /** Apply pending migrations first (the default, as at every start); false for a database migrated apart. */
  migrate?: boolean;
  pollMs?: number;
  onError?: (error: Error) => void;
}

/** The fact store on the database at `url`, on a pool of its own that its close ends. */
export async function openPostgresFactStore(
  url: string,
  initial: () => { facts: Fact[]; entities: Entity[] },
  options: OpenPostgresOptions,
): Promise<Result<{ store: PostgresFactRepository; warnings: string[] }>> {
  if (options.migrate !== false) await migrateToLatest(url);
  const pool = createPool(url, options.onError ? { onError: options.onError } : {});
  const opened = await openPostgresStore(initial, { ...options, pool, url }).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  if (!opened.ok) {
    await pool.end();
    return opened;
  }
  const { store } = opened.value;
  const close = store.close;
  let ended: Promise<void> | undefined;
  return {
    ok: true,
    value: {
      warnings: opened.value.warnings,
      store: Object.assign(store, {
        close: async () => {
          await close();
          ended ??= pool.end();
          await ended;
        },
      }),
    },
  };
}
