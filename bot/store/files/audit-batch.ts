import { basename, dirname, join } from 'node:path';
import { fail, ok, type Result } from '../../../facts/result.ts';
import { parseAuditLines } from '../../../facts/store/audit-lines.ts';
import { type FileSystem, flushFolder, replaceFile, rethrowDiskFull, writeAll } from './storage.ts';

/**
 * Writes several entries as one committed batch before they reach the log: once the batch file is renamed into
 * place, the batch is acknowledged as a whole, and an interrupted append is finished from it at the next start.
 */
export function commitBatch(fs: FileSystem, batchPath: string, bytes: Buffer): Promise<void> {
  return replaceFile(fs, batchPath, bytes);
}

/** Removes the batch file once the log holds the whole batch (or a refused write left it behind). */
export async function clearBatch(fs: FileSystem, batchPath: string): Promise<void> {
  await fs.rm(batchPath, { force: true });
  await flushFolder(fs, batchPath);
}

/**
 * Finishes a batch whose append was interrupted: cuts the log back to where the batch starts (or its last whole
 * entry) and appends the batch again. A log that already holds the whole batch is left as it is.
 */
export async function finishBatch(
  fs: FileSystem,
  logPath: string,
  batchPath: string,
  from: { seq: number; bytes: number },
): Promise<Result<string | undefined>> {
  const batch = await fs.readFile(batchPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  await fs.rm(join(dirname(batchPath), `.${basename(batchPath)}.tmp`), { force: true });
  if (!batch) return ok(undefined);
  const firstSeq = seqOf(batch.toString('utf8', 0, Math.max(0, batch.indexOf(10))));
  const parsedBatch = parseAuditLines(batch, firstSeq - 1);
  if (!parsedBatch.ok || parsedBatch.value.torn !== undefined || parsedBatch.value.unterminated) {
    const where = parsedBatch.ok
      ? 'its last line is unfinished'
      : `line ${parsedBatch.problem.line}${parsedBatch.problem.message}`;
    return fail('storeCorrupt', { file: batchPath }, [`${batchPath}: ${where}`]);
  }
  const lastSeq = firstSeq + parsedBatch.value.entries.length - 1;
  const log = await fs.readFile(logPath).catch(() => Buffer.alloc(0));
  // Only whole lines count here; their validity is checked when the log itself is read.
  const lines = wholeLineSeqs(log, from.bytes);
  const held = lines.at(-1)?.seq ?? from.seq;
  if (held >= lastSeq) {
    await clearBatch(fs, batchPath);
    return ok(undefined);
  }
  const cut = lines.find((line) => line.seq === firstSeq)?.start ?? lines.at(-1)?.end ?? from.bytes;
  if (cut === (lines.at(-1)?.end ?? from.bytes) && held !== firstSeq - 1) {
    return fail('storeCorrupt', { file: logPath }, [
      `${logPath}: ends at seq ${held}, but a batch starts at ${firstSeq}`,
    ]);
  }
  await fs.truncate(logPath, cut);
  const handle = await fs.open(logPath, 'a');
  try {
    await writeAll(handle, logPath, batch).catch(rethrowDiskFull(logPath));
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await clearBatch(fs, batchPath);
  return ok(
    `${logPath}: finished an interrupted write of ${parsedBatch.value.entries.length} entries (seq ${firstSeq}–${lastSeq})`,
  );
}

/** Seq and byte range of each whole line from `from` on; stops at the first line that is not JSON. */
function wholeLineSeqs(log: Buffer, from: number): { seq: number; start: number; end: number }[] {
  const lines: { seq: number; start: number; end: number }[] = [];
  for (let start = from, newline = log.indexOf(10, from); newline !== -1; newline = log.indexOf(10, start)) {
    const seq = seqOf(log.toString('utf8', start, newline));
    if (Number.isNaN(seq)) break;
    lines.push({ seq, start, end: newline + 1 });
    start = newline + 1;
  }
  return lines;
}

function seqOf(line: string): number {
  try {
    const seq = (JSON.parse(line) as { seq?: unknown }).seq;
    return typeof seq === 'number' ? seq : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
