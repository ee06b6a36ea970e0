import type pg from 'pg';
import type { AuditEntry } from '../../../facts/schema/index.ts';
import { retryOnDisconnect } from './pool.ts';

type Waiter = { resolve: (entries: AuditEntry[]) => void; reject: (error: unknown) => void };

/**
 * Reads facts' audit entries, gathering the requests made in one turn of the event loop into one query: a digest
 * asks for the history of every fact at once, which would otherwise be one round trip per fact.
 */
export function createHistoryReader(pool: pg.Pool): (id: string) => Promise<AuditEntry[]> {
  let pending: Map<string, Waiter[]> | undefined;

  const flush = async (batch: Map<string, Waiter[]>) => {
    try {
      const rows = await retryOnDisconnect(() =>
        pool.query<{ fact_id: string; entry: AuditEntry }>(
          'SELECT fact_id, entry FROM audit_log WHERE fact_id = ANY($1) ORDER BY seq',
          [[...batch.keys()]],
        ),
      );
      const byFact = new Map<string, AuditEntry[]>();
      for (const row of rows.rows) byFact.set(row.fact_id, [...(byFact.get(row.fact_id) ?? []), row.entry]);
      for (const [id, waiters] of batch) for (const waiter of waiters) waiter.resolve(byFact.get(id) ?? []);
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };

  return (id) =>
    new Promise((resolve, reject) => {
      if (!pending) {
        const batch = new Map<string, Waiter[]>();
        pending = batch;
        setImmediate(() => {
          pending = undefined;
          void flush(batch);
        });
      }
      pending.set(id, [...(pending.get(id) ?? []), { resolve, reject }]);
    });
}
