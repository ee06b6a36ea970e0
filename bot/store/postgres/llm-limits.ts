import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { LlmLimits } from '../../llm/limits.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface SharedLimitsOptions {
  perUserPerHour: number;
  globalPerMinute: number;
  /** How often the other processes' calls are re-read (1 s): how far past a limit N processes can go together. */
  refreshMs?: number;
  now?: () => number;
  onError?: (error: Error) => void;
}

/**
 * The LLM limits shared by every process on the database. A decision must be taken at once (the answer engine asks
 * synchronously), so each process counts its own calls in memory, records each one in `llm_calls`, and re-reads the
 * other processes' counts every `refreshMs`: together they overshoot a limit by at most what they grant in that time.
 */
export function createSharedLlmLimits(
  pool: pg.Pool,
  options: SharedLimitsOptions,
): LlmLimits & { refresh(): Promise<void>; close(): Promise<void> } {
  const owner = randomUUID();
  const now = options.now ?? Date.now;
  const mineGlobal: number[] = [];
  const mineByUser = new Map<string, number[]>();
  let othersGlobal = 0;
  let othersByUser = new Map<string, number>();
  let writes: Promise<unknown> = Promise.resolve();
  const prune = (times: number[], window: number, at: number) => {
    while (times.length && times[0]! <= at - window) times.shift();
  };
  const report = (error: unknown) =>
    options.onError?.(error instanceof Error ? error : new Error(String(error)));

  const refresh = async () => {
    const at = new Date(now());
    const users = [...mineByUser.keys()];
    const [global, perUser] = await Promise.all([
      pool.query<{ n: number }>('SELECT count(*)::int AS n FROM llm_calls WHERE at > $1 AND owner <> $2', [
        new Date(at.getTime() - MINUTE),
        owner,
      ]),
      pool.query<{ asker: string; n: number }>(
        `SELECT asker, count(*)::int AS n FROM llm_calls WHERE at > $1 AND owner <> $2 AND asker = ANY($3)
         GROUP BY asker`,
        [new Date(at.getTime() - HOUR), owner, users],
      ),
    ]);
    othersGlobal = global.rows[0]?.n ?? 0;
    othersByUser = new Map(perUser.rows.map((row) => [row.asker, row.n]));
  };
  const timer = setInterval(() => void refresh().catch(report), options.refreshMs ?? 1000);
  timer.unref();

  return {
    allow(askerId) {
      const at = now();
      const key = askerId ?? 'anonymous';
      prune(mineGlobal, MINUTE, at);
      const mine = mineByUser.get(key) ?? [];
      prune(mine, HOUR, at);
      if (mineGlobal.length + othersGlobal >= options.globalPerMinute) return false;
      if (mine.length + (othersByUser.get(key) ?? 0) >= options.perUserPerHour) return false;
      mineGlobal.push(at);
      mine.push(at);
      mineByUser.set(key, mine);
      writes = writes
        .then(() =>
          pool.query('INSERT INTO llm_calls (asker, owner, at) VALUES ($1, $2, $3)', [
            key,
            owner,
            new Date(at),
          ]),
        )
        .catch(report);
      return true;
    },
    refresh: async () => {
      await writes;
      await refresh();
    },
    close: async () => {
      clearInterval(timer);
      await writes;
      // Calls older than the longest window count for nobody any more.
      await pool.query('DELETE FROM llm_calls WHERE at < $1', [new Date(now() - HOUR)]).catch(report);
    },
  };
}
