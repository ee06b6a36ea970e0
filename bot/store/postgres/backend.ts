import type pg from 'pg';
import { fail, ok, type Result } from '../../../facts/result.ts';
import type { Entity, Fact } from '../../../facts/schema/index.ts';
import type { StoreOptions } from '../../../facts/store/repository.ts';
import { openPostgresStore, type PostgresFactRepository } from './fact-store.ts';
import { migrateToLatest } from './migrate.ts';
import { createPool } from './pool.ts';
import { openPostgresSettings, type PostgresSettingsStore } from './settings.ts';

/** Everything the bot keeps in PostgreSQL, on one pool: facts, settings; digest claims and limits use `pool`. */
export interface PostgresBackend {
  store: PostgresFactRepository;
  settings: PostgresSettingsStore;
  pool: pg.Pool;
  warnings: string[];
  close(): Promise<void>;
}

/**
 * Applies the pending migrations, then opens the store and the settings on one pool. A database that cannot be
 * reached or migrated fails with `databaseUnavailable` (the URL's password never appears in the reason).
 */
export async function openPostgresBackend(
  url: string,
  initial: () => { facts: Fact[]; entities: Entity[] },
  options: StoreOptions & { onError?: (error: Error) => void; pollMs?: number },
): Promise<Result<PostgresBackend>> {
  try {
    await migrateToLatest(url);
  } catch (error) {
    return fail('databaseUnavailable', { reason: redact(error, url) });
  }
  const onError = options.onError ?? (() => undefined);
  const pool = createPool(url, { onError });
  try {
    const opened = await openPostgresStore(initial, { ...options, pool, url, onError });
    if (!opened.ok) {
      await pool.end();
      return opened;
    }
    const { store, warnings } = opened.value;
    const settings = await openPostgresSettings(pool, url, {
      onError,
      ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    });
    let closing: Promise<void> | undefined;
    return ok({
      store,
      settings,
      pool,
      warnings,
      close: () => {
        closing ??= (async () => {
          await settings.close();
          await store.close();
          await pool.end();
        })();
        return closing;
      },
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    return fail('databaseUnavailable', { reason: redact(error, url) });
  }
}

/** The error's message without the URL's password. */
function redact(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const password = URL.canParse(url) ? decodeURIComponent(new URL(url).password) : '';
  return password ? message.split(password).join('***') : message;
}
