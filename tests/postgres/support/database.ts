import pg from 'pg';
import { describe, it } from 'vitest';
import { migrateToLatest } from '../../../bot/store/postgres/migrate.ts';

/** The server the suites use: the machine's PostgreSQL, unless BRIEFING_TEST_DATABASE_URL names another. */
export const ADMIN_URL = process.env.BRIEFING_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL cannot be used here, or undefined when it can. */
export const postgresMissing = await reachable();

/**
 * `describe` on the real PostgreSQL. Without one, the suite is skipped with a one-line notice, except under CI,
 * where the absence fails the run: CI machines have PostgreSQL, so a missing one is a broken machine.
 */
export function describePostgres(name: string, suite: () => void): void {
  if (!postgresMissing) describe(name, suite);
  else if (process.env.CI) {
    describe(name, () => {
      it('needs PostgreSQL at 127.0.0.1:5432 (CI is set)', () => {
        throw new Error(`PostgreSQL is unreachable under CI: ${postgresMissing}`);
      });
    });
  } else {
    console.warn(`skipping "${name}": no PostgreSQL at ${ADMIN_URL} (${postgresMissing})`);
    describe.skip(name, suite);
  }
}

let counter = 0;

/** The URL of `name` on the same server as ADMIN_URL. */
export const databaseUrl = (name: string): string => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A database of its own for one test (created empty, migrated unless told not to), and a way to drop it. */
export async function freshDatabase(
  options: { migrate?: boolean } = {},
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `briefing_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  if (options.migrate !== false) await migrateToLatest(url);
  return {
    url,
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Ends every server connection to a database, as a PostgreSQL restart would (safer on a shared server). */
export async function terminateConnections(name: string): Promise<number> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const result = await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
