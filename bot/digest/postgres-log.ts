import { hostname } from 'node:os';
import type pg from 'pg';
import { inTransaction, retryOnDisconnect } from '../store/postgres/pool.ts';
import type { Claim, ClaimRequest, DigestLogStore } from './digest-log.ts';
import { type ClaimOwner, type DigestRecord, digestKey } from './log-schema.ts';

/** A claim with its fence: every later write to its row must carry the same epoch, or it changes nothing. */
export interface FencedClaim extends Claim {
  epoch: number;
}

interface Row {
  guild_id: string;
  local_date: string;
  status: DigestRecord['status'];
  epoch: number;
  attempts: number;
  owner_id: string | null;
  owner_pid: number | null;
  owner_host: string | null;
  claimed_at: Date | null;
  lease_until: Date | null;
  message_ids: string[];
  posted_at: Date | null;
  recovered: boolean;
  reason: string | null;
  retry_at: Date | null;
  at: Date;
}

/** Records older than this are not read back: past the catch-up window (24 h at most), nothing needs them. */
const READ_DAYS = 3;
const COLUMNS = `guild_id, to_char(local_date, 'YYYY-MM-DD') AS local_date, status, epoch, attempts, owner_id,
  owner_pid, owner_host, claimed_at, lease_until, message_ids, posted_at, recovered, reason, retry_at, at`;

const iso = (date: Date | null) => (date ?? new Date(0)).toISOString();

function toRecord(row: Row): DigestRecord {
  const base = { guildId: row.guild_id, localDate: row.local_date, attempts: row.attempts };
  if (row.status === 'claimed') {
    const owner = { id: row.owner_id ?? '', pid: row.owner_pid ?? 0, host: row.owner_host ?? '' };
    return {
      ...base,
      status: 'claimed',
      owner,
      claimedAt: iso(row.claimed_at),
      expiresAt: iso(row.lease_until),
    };
  }
  if (row.status === 'posted') {
    const recovered = row.recovered ? { recovered: true } : {};
    return {
      ...base,
      status: 'posted',
      postedAt: iso(row.posted_at),
      messageIds: row.message_ids,
      ...recovered,
    };
  }
  if (row.status === 'skipped')
    return { ...base, status: 'skipped', at: iso(row.at), reason: row.reason ?? '' };
  const retry = row.retry_at ? { retryAt: iso(row.retry_at) } : {};
  return { ...base, status: 'failed', at: iso(row.at), reason: row.reason ?? '', ...retry };
}

/** Whether a claim's holder runs on this machine and is gone: its claim need not wait for its lease to end. */
function ownerGone(row: Row): boolean {
  if (row.owner_host !== hostname() || !row.owner_pid || row.owner_pid === process.pid) return false;
  try {
    process.kill(row.owner_pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/** Whether `owner` may take over this row now, and whether an earlier attempt may have posted already. */
function takeable(row: Row, owner: ClaimOwner, now: Date): boolean {
  if (row.status === 'claimed')
    return (
      row.owner_id !== owner.id && ((row.lease_until?.getTime() ?? 0) <= now.getTime() || ownerGone(row))
    );
  return row.status === 'failed' && row.retry_at !== null && row.retry_at.getTime() <= now.getTime();
}

/**
 * The digest log on PostgreSQL, for schedulers in several processes (shards, hosts). A claim is a row inserted
 * with `ON CONFLICT DO NOTHING`: one process gets it. A claim whose holder died (its lease ran out, or its process
 * is gone from this machine) is taken over by a compare-and-set that raises the row's epoch, and every later write
 * of the old holder, which names the old epoch, changes nothing: a fenced lease, never a lock held by a
 * connection. The taker reads the channel first (`recovering`), and Discord's nonce turns a resend into a no-op.
 */
export class PostgresDigestLog implements DigestLogStore {
  readonly file = 'postgres:digest_posts';
  readonly #pool: pg.Pool;
  readonly #now: () => Date;
  #records = new Map<string, DigestRecord>();
  #lastPosted = new Map<string, Date>();

  /** `now`: the scheduler's clock, which decides which local dates are still worth reading. */
  constructor(pool: pg.Pool, now: () => Date = () => new Date()) {
    this.#pool = pool;
    this.#now = now;
  }

  async refresh(): Promise<void> {
    const [rows, last] = await retryOnDisconnect(() =>
      Promise.all([
        this.#pool.query<Row>(`SELECT ${COLUMNS} FROM digest_posts WHERE local_date >= $1::date - $2::int`, [
          this.#now().toISOString().slice(0, 10),
          READ_DAYS,
        ]),
        this.#pool.query<{ guild_id: string; posted_at: Date }>(
          'SELECT guild_id, posted_at FROM digest_last_posted',
        ),
      ]),
    );
    this.#records = new Map(rows.rows.map((row) => [digestKey(row.guild_id, row.local_date), toRecord(row)]));
    this.#lastPosted = new Map(last.rows.map((row) => [row.guild_id, row.posted_at]));
  }

  get(guildId: string, localDate: string): DigestRecord | undefined {
    return this.#records.get(digestKey(guildId, localDate));
  }

  lastPostedAt(guildId: string): Date | undefined {
    return this.#lastPosted.get(guildId);
  }

  async claim(
    requests: readonly ClaimRequest[],
    owner: ClaimOwner,
    now: Date,
    ttlMs: number,
  ): Promise<Claim[]> {
    if (!requests.length) return [];
    const lease = new Date(now.getTime() + ttlMs);
    let retried = false;
    const inserted = await retryOnDisconnect((attempt) => {
      retried = attempt > 1;
      return this.#pool.query<{ guild_id: string; local_date: string }>(
        `INSERT INTO digest_posts (guild_id, local_date, status, epoch, attempts, owner_id, owner_pid, owner_host,
         claimed_at, lease_until, at)
       SELECT g, d::date, 'claimed', 1, 1, $3, $4, $5, $6, $7, $6 FROM unnest($1::text[], $2::text[]) AS r(g, d)
       ON CONFLICT (guild_id, local_date) DO NOTHING
       RETURNING guild_id, to_char(local_date, 'YYYY-MM-DD') AS local_date`,
        [
          requests.map((r) => r.guildId),
          requests.map((r) => r.localDate),
          owner.id,
          owner.pid,
          owner.host,
          now,
          lease,
        ],
      );
    });
    const claims: FencedClaim[] = inserted.rows.map((row) => ({
      guildId: row.guild_id,
      localDate: row.local_date,
      attempts: 1,
      recovering: false,
      epoch: 1,
    }));
    const fresh = new Set(claims.map((claim) => digestKey(claim.guildId, claim.localDate)));
    const others = requests.filter((r) => !fresh.has(digestKey(r.guildId, r.localDate)));
    if (others.length) claims.push(...(await this.#takeOver(others, owner, now, lease, retried)));
    return claims;
  }

  /** Takes over the rows whose holder is gone or whose retry is due, each by compare-and-set on its epoch. */
  async #takeOver(
    requests: readonly ClaimRequest[],
    owner: ClaimOwner,
    now: Date,
    lease: Date,
    retried: boolean,
  ): Promise<FencedClaim[]> {
    const rows = await retryOnDisconnect(() =>
      this.#pool.query<Row>(
        `SELECT ${COLUMNS} FROM digest_posts
         WHERE (guild_id, local_date) IN (SELECT g, d::date FROM unnest($1::text[], $2::text[]) AS r(g, d))`,
        [requests.map((r) => r.guildId), requests.map((r) => r.localDate)],
      ),
    );
    const taken: FencedClaim[] = [];
    const claim = (row: Row, won: { epoch: number; attempts: number }) =>
      taken.push({
        guildId: row.guild_id,
        localDate: row.local_date,
        attempts: won.attempts,
        recovering: true,
        epoch: won.epoch,
      });
    for (const row of rows.rows) {
      // Claimed by this very scheduler in an attempt whose answer the connection lost: it is ours.
      if (retried && row.status === 'claimed' && row.owner_id === owner.id) claim(row, row);
      else if (takeable(row, owner, now)) {
        const won = await retryOnDisconnect(() => this.#compareAndTake(row, owner, now, lease));
        if (won) claim(row, won);
      }
    }
    return taken;
  }

  /** Raises the row's epoch if it is still as read; after a lost answer, finds whether the raise was ours. */
  async #compareAndTake(row: Row, owner: ClaimOwner, now: Date, lease: Date) {
    const updated = await this.#pool.query<{ epoch: number; attempts: number }>(
      `UPDATE digest_posts SET status = 'claimed', epoch = epoch + 1, attempts = attempts + 1, owner_id = $4,
         owner_pid = $5, owner_host = $6, claimed_at = $7, lease_until = $8, at = $7
       WHERE guild_id = $1 AND local_date = $2::date AND epoch = $3 AND status = $9
       RETURNING epoch, attempts`,
      [row.guild_id, row.local_date, row.epoch, owner.id, owner.pid, owner.host, now, lease, row.status],
    );
    if (updated.rows[0]) return updated.rows[0];
    const mine = await this.#pool.query<{ epoch: number; attempts: number }>(
      `SELECT epoch, attempts FROM digest_posts
       WHERE guild_id = $1 AND local_date = $2::date AND epoch = $3 + 1 AND status = 'claimed' AND owner_id = $4`,
      [row.guild_id, row.local_date, row.epoch, owner.id],
    );
    return mine.rows[0];
  }

  async markPosted(claim: Claim, messageIds: readonly string[], now: Date, recovered = false): Promise<void> {
    // Repeating it is harmless: a second attempt finds the row posted (or fenced) and changes nothing.
    await retryOnDisconnect(() =>
      inTransaction(this.#pool, async (client) => {
        const done = await client.query(
          `UPDATE digest_posts SET status = 'posted', message_ids = $4, posted_at = $5, recovered = $6, at = $5,
           lease_until = NULL, owner_id = NULL
         WHERE guild_id = $1 AND local_date = $2::date AND epoch = $3 AND status = 'claimed'`,
          [claim.guildId, claim.localDate, epochOf(claim), [...messageIds], now, recovered],
        );
        // Fenced out: a taker holds a newer epoch and will find these messages in the channel itself.
        if (!done.rowCount) return;
        await client.query(
          `INSERT INTO digest_last_posted (guild_id, posted_at) VALUES ($1, $2)
         ON CONFLICT (guild_id) DO UPDATE SET posted_at = greatest(digest_last_posted.posted_at, excluded.posted_at)`,
          [claim.guildId, now],
        );
      }),
    );
    const last = this.#lastPosted.get(claim.guildId);
    if (!last || last < now) this.#lastPosted.set(claim.guildId, now);
  }

  async markSkipped(
    requests: readonly (ClaimRequest & { attempts?: number })[],
    reason: string,
    now: Date,
  ): Promise<ClaimRequest[]> {
    const recorded: ClaimRequest[] = [];
    for (const request of requests) {
      const epoch = (request as Partial<FencedClaim>).epoch;
      const done = await retryOnDisconnect(() =>
        this.#pool.query(
          `INSERT INTO digest_posts (guild_id, local_date, status, attempts, reason, at)
         VALUES ($1, $2::date, 'skipped', $3, $4, $5)
         ON CONFLICT (guild_id, local_date) DO UPDATE SET status = 'skipped', reason = $4, at = $5,
           attempts = coalesce($6, digest_posts.attempts), lease_until = NULL, owner_id = NULL
         WHERE digest_posts.status NOT IN ('posted', 'skipped') AND ($7::int IS NULL OR digest_posts.epoch = $7)`,
          [
            request.guildId,
            request.localDate,
            request.attempts ?? 0,
            reason,
            now,
            request.attempts ?? null,
            epoch ?? null,
          ],
        ),
      );
      if (done.rowCount) recorded.push({ guildId: request.guildId, localDate: request.localDate });
    }
    return recorded;
  }

  async markFailed(claim: Claim, reason: string, now: Date, retryAt?: Date): Promise<void> {
    await retryOnDisconnect(() =>
      this.#pool.query(
        `UPDATE digest_posts SET status = 'failed', reason = $4, at = $5, retry_at = $6, lease_until = NULL,
         owner_id = NULL
       WHERE guild_id = $1 AND local_date = $2::date AND epoch = $3 AND status = 'claimed'`,
        [claim.guildId, claim.localDate, epochOf(claim), reason, now, retryAt ?? null],
      ),
    );
  }
}

const epochOf = (claim: Claim): number => (claim as Partial<FencedClaim>).epoch ?? 1;
