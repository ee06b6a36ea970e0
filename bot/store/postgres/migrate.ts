import { Kysely, type MigrationResultSet, Migrator, PostgresDialect } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';
import { createPool } from './pool.ts';

export interface MigrationReport {
  /** Migrations applied by this run, in order. */
  applied: string[];
  /** Every migration the database now has. */
  current: string[];
}

/**
 * Applies the pending migrations with Kysely's migrator: each in its own transaction, under the migrator's
 * transaction-scoped lock, so two processes starting at once apply each migration once. Throws with the
 * migration that failed; the ones before it stay applied.
 */
export async function migrateToLatest(url: string): Promise<MigrationReport> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: createPool(url, { max: 1 }) }) });
  try {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'briefing_migrations',
      migrationLockTableName: 'briefing_migrations_lock',
    });
    const outcome: MigrationResultSet = await migrator.migrateToLatest();
    const failed = outcome.results?.find((result) => result.status === 'Error');
    if (outcome.error) {
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      throw new Error(`migration ${failed?.migrationName ?? '(none)'} failed: ${reason}`);
    }
    const applied = (outcome.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const current = (await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
    return { applied, current };
  } finally {
    await db.destroy();
  }
}
