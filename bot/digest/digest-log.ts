import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ok, type Result } from '../../facts/result.ts';
import { createSerialQueue } from '../../facts/store/queue.ts';
import { lockDataFolder } from '../store/data-lock.ts';
import { parseDocument } from '../store/files/data-document.ts';
import { type DataFile, dataFile, type FileSystem, nodeFileSystem } from '../store/files/storage.ts';
import {
  type ClaimOwner,
  type DigestLogFile,
  DigestLogFileSchema,
  type DigestRecord,
  DigestRecordSchema,
  digestKey,
} from './log-schema.ts';

export const DIGEST_LOG_FILE = 'digests.json';
/** Records older than this are dropped: past the catch-up window (24 h at most) nothing reads them. The last posted time of each server is kept apart. */
const KEEP_DAYS = 3;

export interface ClaimRequest {
  guildId: string;
  localDate: string;
}

/** A digest this scheduler may now send. `recovering`: an earlier attempt may have reached Discord — look first. */
export interface Claim extends ClaimRequest {
  attempts: number;
  recovering: boolean;
}

/** What the scheduler uses of the log (an interface, so tests can wrap it to simulate a crash). */
export type DigestLogStore = Pick<
  DigestLog,
  'refresh' | 'get' | 'lastPostedAt' | 'claim' | 'markPosted' | 'markSkipped' | 'markFailed'
>;

const empty = (): DigestLogFile => ({ version: 1, records: {}, lastPosted: {}, postedThrough: {} });

/** The file's text as a log, or `digestLogCorrupt` with the file, line and path of the first problem. */
function parseLog(file: string, text: string | null): Result<DigestLogFile> {
  if (text === null) return ok(empty());
  return parseDocument(file, text, DigestLogFileSchema, 'digestLogCorrupt');
}

function ownerGone(owner: ClaimOwner): boolean {
  if (owner.host !== hostname() || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/** Whether `owner` may claim a digest in this state, and whether a previous attempt may already have posted it. */
function claimable(
  record: DigestRecord | undefined,
  owner: ClaimOwner,
  now: Date,
): { recovering: boolean } | undefined {
  if (!record) return { recovering: false };
  if (record.status === 'claimed') {
    if (record.owner.id === owner.id) return undefined;
    const expired = Date.parse(record.expiresAt) <= now.getTime() || ownerGone(record.owner);
    return expired ? { recovering: true } : undefined;
  }
  if (record.status === 'failed' && record.retryAt && Date.parse(record.retryAt) <= now.getTime()) {
    return { recovering: true };
  }
  return undefined;
}

/** Changes of the logs of one file in this process, one at a time (other processes are kept out by the folder lock). */
const queues = new Map<string, ReturnType<typeof createSerialQueue>>();

/**
 * `digests.json` (compact JSON, zod-validated): one record per server and local date, opened under the data
 * folder's lock, so no other process writes it. Every change is a read-modify-write of the file, one at a time
 * in this process, so two schedulers never both claim the same digest; writes are atomic (temporary file, then
 * rename) and one the disk refuses fails with `DiskFullError`, leaving the file as it was.
 */
export class DigestLog {
  readonly file: string;
  readonly #adapter: DataFile;
  readonly #serial: ReturnType<typeof createSerialQueue>;
  readonly #unlock: () => Promise<void>;
  #data: DigestLogFile;
  /** The file's text as this instance last read or wrote it: the same text is not parsed again. */
  #text: string | null | undefined;
  #prunedAt = Number.NEGATIVE_INFINITY;

  private constructor(adapter: DataFile, unlock: () => Promise<void>) {
    this.file = adapter.path;
    this.#adapter = adapter;
    this.#unlock = unlock;
    this.#data = empty();
    const serial = queues.get(adapter.path) ?? createSerialQueue();
    queues.set(adapter.path, serial);
    this.#serial = serial;
  }

  /** Opens (or starts) the log in `dir`; a file that is not a valid log refuses to open and is left untouched. */
  static async open(dir: string, fs: FileSystem = nodeFileSystem): Promise<Result<DigestLog>> {
    await mkdir(dir, { recursive: true });
    const lock = await lockDataFolder(dir, fs);
    if (!lock.ok) return lock;
    const log = new DigestLog(dataFile(join(dir, DIGEST_LOG_FILE), fs), lock.value);
    const read = await log.#current();
    if (!read.ok) {
      await lock.value();
      return read;
    }
    return ok(log);
  }

  /** Gives the data folder's lock back. */
  close(): Promise<void> {
    return this.#serial(() => this.#unlock());
  }

  /** Re-reads the file, to see what another log of this process recorded (unless it has not changed). */
  async refresh(): Promise<void> {
    const read = await this.#current();
    if (!read.ok) throw new Error(read.details?.join('\n') ?? read.code);
  }

  /** The log as on disk; parsed and validated only when the text changed since this instance saw it. */
  async #current(): Promise<Result<DigestLogFile>> {
    const text = await this.#adapter.read();
    if (text !== this.#text) {
      const parsed = parseLog(this.file, text);
      if (!parsed.ok) return parsed;
      this.#data = parsed.value;
      this.#text = text;
    }
    return ok(this.#data);
  }

  get(guildId: string, localDate: string): DigestRecord | undefined {
    return this.#data.records[digestKey(guildId, localDate)];
  }

  /** When the server's last digest was posted: the start of the next digest's changes. */
  lastPostedAt(guildId: string): Date | undefined {
    const at = this.#data.lastPosted[guildId];
    return at ? new Date(at) : undefined;
  }

  /** Claims, in one locked step, every digest of `requests` that nobody holds, until `now + ttlMs`. */
  claim(requests: readonly ClaimRequest[], owner: ClaimOwner, now: Date, ttlMs: number): Promise<Claim[]> {
    return this.#change((data, put) => {
      const claims: Claim[] = [];
      for (const { guildId, localDate } of requests) {
        const record = data.records[digestKey(guildId, localDate)];
        // A date up to the last one posted was posted or passed over, whatever the clock says now.
        const through = data.postedThrough[guildId];
        if (!record && through !== undefined && localDate <= through) continue;
        const verdict = claimable(record, owner, now);
        if (!verdict) continue;
        const attempts = (record?.attempts ?? 0) + 1;
        const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
        put({
          status: 'claimed',
          guildId,
          localDate,
          attempts,
          owner,
          claimedAt: now.toISOString(),
          expiresAt,
        });
        claims.push({ guildId, localDate, attempts, recovering: verdict.recovering });
      }
      return claims;
    }, now);
  }

  /** Records that Discord accepted the digest; from then on nothing sends it again. */
  markPosted(claim: Claim, messageIds: readonly string[], now: Date, recovered = false): Promise<void> {
    return this.#change((data, put) => {
      const { guildId, localDate, attempts } = claim;
      const postedAt = now.toISOString();
      put({
        status: 'posted',
        guildId,
        localDate,
        attempts,
        postedAt,
        messageIds: [...messageIds],
        ...(recovered ? { recovered } : {}),
      });
      data.lastPosted[guildId] = postedAt;
      const through = data.postedThrough[guildId];
      if (through === undefined || localDate > through) data.postedThrough[guildId] = localDate;
    }, now);
  }

  /** Records, in one write, that these digests will not be sent, except those posted or skipped meanwhile; returns the ones recorded. */
  markSkipped(
    requests: readonly (ClaimRequest & { attempts?: number })[],
    reason: string,
    now: Date,
  ): Promise<ClaimRequest[]> {
    return this.#change((data, put) => {
      const recorded: ClaimRequest[] = [];
      for (const { guildId, localDate, attempts } of requests) {
        const current = data.records[digestKey(guildId, localDate)];
        if (current?.status === 'posted' || current?.status === 'skipped') continue;
        const tries = attempts ?? current?.attempts ?? 0;
        put({ status: 'skipped', guildId, localDate, attempts: tries, at: now.toISOString(), reason });
        recorded.push({ guildId, localDate });
      }
      return recorded;
    }, now);
  }

  /** Records a failed attempt: tried again from `retryAt`, or never when it is absent. */
  markFailed(claim: Claim, reason: string, now: Date, retryAt?: Date): Promise<void> {
    return this.#change((_data, put) => {
      const { guildId, localDate, attempts } = claim;
      const retry = retryAt ? { retryAt: retryAt.toISOString() } : {};
      put({ status: 'failed', guildId, localDate, attempts, at: now.toISOString(), reason, ...retry });
    }, now);
  }

  /**
   * One read-modify-write under the lock: the current log (re-read if another process changed it), the change
   * (each record validated as it is put), old records dropped at most hourly, then an atomic write. If the write
   * fails, the next change reads the file again rather than trust the memory.
   */
  #change<T>(mutate: (data: DigestLogFile, put: (record: DigestRecord) => void) => T, now: Date): Promise<T> {
    return this.#serial(async () => {
      const current = await this.#current();
      if (!current.ok) throw new Error(current.details?.join('\n') ?? current.code);
      const data = current.value;
      const put = (record: DigestRecord) => {
        data.records[digestKey(record.guildId, record.localDate)] = DigestRecordSchema.parse(record);
      };
      try {
        const result = mutate(data, put);
        if (now.getTime() - this.#prunedAt > 3_600_000) {
          const horizon = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
          for (const [key, record] of Object.entries(data.records)) {
            if (record.localDate < horizon && record.status !== 'claimed') delete data.records[key];
          }
          this.#prunedAt = now.getTime();
        }
        // Compact: a busy morning rewrites it once per post. The text is kept to recognise the file on the next read.
        const text = JSON.stringify(data);
        await this.#adapter.write(text);
        this.#text = text;
        return result;
      } catch (error) {
        this.#text = undefined;
        throw error;
      }
    });
  }
}
