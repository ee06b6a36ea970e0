import { createReadStream } from 'node:fs';
import { fail, ok, type Result } from '../../../facts/result.ts';
import type { AuditEntry } from '../../../facts/schema/index.ts';
import { parseAuditLines } from '../../../facts/store/audit-lines.ts';
import { clearBatch, commitBatch, finishBatch } from './audit-batch.ts';
import { type AuditIndex, buildAuditIndex, indexLine, readAuditEntries } from './audit-index.ts';
import { diskFullOf, type FileHandle, type FileSystem, rethrowDiskFull, writeAll } from './storage.ts';

/** The append-only audit log, which is also the store's write-ahead journal: one entry per line, seq by seq. */
export interface AuditLog {
  /** Bytes that hold whole, acknowledged entries. */
  readonly bytes: number;
  readonly seq: number;
  /**
   * Appends and flushes to the disk; resolves once the entries are durable. Several entries land all or none.
   * A write the disk refuses (full, short, failing) resolves `diskFull`: the log is cut back to its last
   * acknowledged entry, so it stays valid and takes writes again once there is room.
   */
  append(entries: readonly AuditEntry[]): Promise<Result<void>>;
  history(id: string): AuditEntry[];
  close(): Promise<void>;
}

export interface AuditPaths {
  log: string;
  batch: string;
}

/**
 * Opens the log and reads the entries after the snapshot (`from`), each validated. An unfinished last line is a
 * write that was never acknowledged: it is cut off with a warning. Anything else invalid fails with `storeCorrupt`,
 * naming the file and line, and leaves the file as it was.
 */
export async function openAuditLog(
  fs: FileSystem,
  paths: AuditPaths,
  from: { seq: number; bytes: number },
): Promise<Result<{ log: AuditLog; tail: AuditEntry[]; warnings: string[] }>> {
  const warnings: string[] = [];
  const finished = await finishBatch(fs, paths.log, paths.batch, from);
  if (!finished.ok) return finished;
  if (finished.value) warnings.push(finished.value);

  const exists = await fs.stat(paths.log).then(
    () => true,
    () => false,
  );
  if (!exists && from.bytes > 0) {
    return fail('storeCorrupt', { file: paths.log }, [
      `${paths.log}: missing, but the snapshot folds in ${from.bytes} bytes of it`,
    ]);
  }
  const handle = await fs.open(paths.log, 'a+');
  let size = (await handle.stat()).size;
  const refuse = async (details: string[]) => {
    await handle.close();
    return fail('storeCorrupt', { file: paths.log }, details);
  };
  if (size < from.bytes) {
    return refuse([
      `${paths.log}: ${size} bytes, but the snapshot folds in ${from.bytes}: acknowledged entries are missing`,
    ]);
  }
  // One byte more, before the tail: the newline that ends the last entry the snapshot holds.
  const tailBytes = Buffer.alloc(size - from.bytes + 1, 10);
  await handle.read(
    tailBytes,
    from.bytes ? 0 : 1,
    tailBytes.length - (from.bytes ? 0 : 1),
    Math.max(0, from.bytes - 1),
  );
  if (tailBytes[0] !== 10) {
    return refuse([`${paths.log}: byte ${from.bytes} should end entry ${from.seq}, as the snapshot says`]);
  }
  const parsed = parseAuditLines(tailBytes.subarray(1), from.seq);
  if (!parsed.ok) {
    const line = (await countLines(paths.log, from.bytes)) + parsed.problem.line;
    return refuse([`${paths.log}:${line}${parsed.problem.message}`]);
  }
  const { entries, torn, unterminated } = parsed.value;
  if (torn !== undefined) {
    await handle.truncate(from.bytes + torn);
    warnings.push(
      `${paths.log}: dropped an unfinished last line (${size - from.bytes - torn} bytes), never acknowledged`,
    );
    size = from.bytes + torn;
  } else if (unterminated) {
    await writeAll(handle, paths.log, Buffer.from('\n')).catch(rethrowDiskFull(paths.log));
    warnings.push(`${paths.log}: ended its last entry, whose newline was never written`);
    size++;
  }
  await handle.datasync();
  const last = entries.at(-1)?.seq ?? from.seq;
  return ok({ log: createAuditLog(fs, paths, handle, size, last), tail: entries, warnings });
}

function createAuditLog(
  fs: FileSystem,
  paths: AuditPaths,
  handle: FileHandle,
  bytes: number,
  seq: number,
): AuditLog {
  let index: AuditIndex | undefined;
  let broken: unknown;
  return {
    get bytes() {
      return bytes;
    },
    get seq() {
      return seq;
    },
    async append(entries) {
      if (broken) return refused(broken);
      const lines = entries.map((entry) => `${JSON.stringify(entry)}\n`);
      const data = Buffer.from(lines.join(''));
      try {
        if (entries.length > 1) await commitBatch(fs, paths.batch, data);
        await writeAll(handle, paths.log, data);
        await handle.datasync();
        if (entries.length > 1) await clearBatch(fs, paths.batch);
      } catch (error) {
        const full = diskFullOf(error, paths.log);
        // Cut back what part of the write reached the log, and its batch: nothing of a refused write may come back.
        const undone = await handle
          .truncate(bytes)
          .then(() => handle.datasync())
          .then(() => clearBatch(fs, paths.batch))
          .then(
            () => true,
            () => false,
          );
        // The log's end is unknown now; the next start repairs it, this process writes no more.
        if (!undone) broken = full ?? error;
        if (full) return refused(full);
        throw error;
      }
      let start = bytes;
      entries.forEach((entry, i) => {
        const end = start + Buffer.byteLength(lines[i]!);
        if (index) indexLine(index, entry.factId, start, end - 1);
        start = end;
      });
      bytes += data.length;
      seq = entries.at(-1)?.seq ?? seq;
      return ok(undefined);
    },
    history(id) {
      index ??= buildAuditIndex(paths.log, bytes);
      return readAuditEntries(paths.log, index.get(id) ?? [], id);
    },
    close: () => handle.close(),
  };
}

/** A refused write as the store reports it; an error that is not the disk's stays an error. */
function refused(error: unknown): Result<void> {
  const full = diskFullOf(error, '');
  if (!full) throw error;
  return fail('diskFull', { file: full.file, reason: full.reason });
}

/** Lines in the first `bytes` bytes, to name the line of a problem after the snapshot's offset. */
async function countLines(path: string, bytes: number): Promise<number> {
  let lines = 0;
  if (bytes === 0) return 0;
  for await (const chunk of createReadStream(path, { end: bytes - 1 })) {
    for (let i = (chunk as Buffer).indexOf(10); i !== -1; i = (chunk as Buffer).indexOf(10, i + 1)) lines++;
  }
  return lines;
}
