import pg from 'pg';

/** The pool every PostgreSQL-backed part of the bot shares, and what it does when a connection dies. */
export interface PgPoolOptions {
  /** Connections at most (8): the store, settings and digests take one each for a few milliseconds at a time. */
  max?: number;
  /** Called when an idle connection fails (the server restarted, the backend was terminated). */
  onError?: (error: Error) => void;
  applicationName?: string;
}

/**
 * A pg pool on `url`. An idle connection that the server drops emits 'error' on the pool, which without a
 * listener would end the process: it is reported instead, and the pool opens a fresh connection on the next query.
 */
export function createPool(url: string, options: PgPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    application_name: options.applicationName ?? 'briefing',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.onError?.(error));
  return pool;
}

/**
 * A connection of the pool for a few queries. While checked out, a connection the server drops emits 'error' with
 * no pool listener left to hear it, which would end the process: the query in flight fails instead, and the
 * connection is discarded on release.
 */
export async function checkout(
  pool: pg.Pool,
): Promise<{ client: pg.PoolClient; release(broken?: boolean): void }> {
  const client = await pool.connect();
  let failed = false;
  const onError = () => {
    failed = true;
  };
  client.on('error', onError);
  return {
    client,
    release: (broken = false) => {
      client.off('error', onError);
      client.release(broken || failed);
    },
  };
}

/** Runs `task` in one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  task: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const { client, release } = await checkout(pool);
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await task(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is gone: it must not go back to the pool.
    release(broken);
  }
}

/** Whether an error is the connection's, not the query's: worth one retry on a fresh connection. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^(57P0[1-3]|08\d{3})$/.test(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|ECONNRESET|ECONNREFUSED|not queryable|terminating connection/i.test(message);
}

/**
 * Runs `task` again while it fails for its connection (the server restarting, a backend terminated), waiting a
 * little longer each time, for up to `forMs`. Only for tasks that are safe to repeat: each statement either
 * checks what it changes (a version, an epoch) or changes nothing the second time.
 */
export async function retryOnDisconnect<T>(
  task: (attempt: number) => Promise<T>,
  forMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      if (!isConnectionError(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
    }
  }
}
