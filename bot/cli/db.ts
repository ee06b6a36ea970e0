import { maskSecrets } from '../log.ts';
import { migrateToLatest } from '../store/postgres/migrate.ts';
import { startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { USAGE } from './parse.ts';

/**
 * `briefing db migrate`: applies the pending PostgreSQL migrations (the bot also does at every start). Each runs in
 * its own transaction under the migrator's lock, so running it while shards start is safe.
 */
export const run: Subcommand = async (args, io) => {
  const session = await startCli(io);
  if (!session) return USAGE;
  const { t, config } = session;
  if (args.length !== 1 || args[0] !== 'migrate') {
    io.err(t('cli:db.usage'));
    return USAGE;
  }
  if (!config.DATABASE_URL) {
    io.err(t('cli:db.noUrl'));
    return USAGE;
  }
  try {
    const { applied, current } = await migrateToLatest(config.DATABASE_URL);
    io.out(
      applied.length
        ? t('cli:db.applied', { count: applied.length, names: applied.join(', ') })
        : t('cli:db.upToDate', { count: current.length }),
    );
    return 0;
  } catch (error) {
    const reason = maskSecrets(error instanceof Error ? error.message : String(error), [config.DATABASE_URL]);
    io.err(t('cli:db.failed', { reason }));
    return 1;
  }
};
