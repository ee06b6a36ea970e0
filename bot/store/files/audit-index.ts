import { closeSync, openSync, readSync } from 'node:fs';
import { type AuditEntry, AuditEntrySchema } from '../../../facts/schema/index.ts';
import { describeIssues } from '../../../facts/store/problems.ts';

/** Byte ranges of each fact's audit entries, oldest first. */
export type AuditIndex = Map<string, [start: number, end: number][]>;

const CHUNK = 1 << 22;
// Entries are written with `factId` among their first keys; the prefix is enough to file a line without parsing it.
const PREFIX = 1024;
const FACT_ID = /"factId":"([a-z0-9-]+)"/;

/** Adds one line's range under its fact id. */
export function indexLine(index: AuditIndex, factId: string, start: number, end: number): void {
  const ranges = index.get(factId);
  if (ranges) ranges.push([start, end]);
  else index.set(factId, [[start, end]]);
}

/**
 * Files every line of the first `length` bytes of the log under its fact id, reading in chunks so that a large log
 * does not have to fit in memory at once. Built on the first history request, not at start-up.
 */
export function buildAuditIndex(path: string, length: number): AuditIndex {
  const index: AuditIndex = new Map();
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    let base = 0; // file offset of buffer[0]
    let kept = 0; // bytes of an unfinished line carried over at the front of the buffer
    while (base + kept < length) {
      if (kept === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const read = readSync(
        fd,
        buffer,
        kept,
        Math.min(buffer.length - kept, length - base - kept),
        base + kept,
      );
      if (read === 0) break;
      const filled = buffer.subarray(0, kept + read);
      let start = 0;
      for (let newline = filled.indexOf(10); newline !== -1; newline = filled.indexOf(10, start)) {
        const id = FACT_ID.exec(filled.toString('utf8', start, Math.min(newline, start + PREFIX)))?.[1];
        indexLine(
          index,
          id ?? factIdOf(filled.toString('utf8', start, newline)),
          base + start,
          base + newline,
        );
        start = newline + 1;
      }
      filled.copy(buffer, 0, start);
      kept = filled.length - start;
      base += start;
    }
  } finally {
    closeSync(fd);
  }
  return index;
}

const factIdOf = (line: string): string => String((JSON.parse(line) as { factId?: unknown }).factId);

/** Reads and validates the entries at the given ranges; a line that changed under us is an error, not a result. */
export function readAuditEntries(
  path: string,
  ranges: readonly [number, number][],
  factId: string,
): AuditEntry[] {
  if (!ranges.length) return [];
  const fd = openSync(path, 'r');
  try {
    return ranges.map(([start, end]) => {
      const buffer = Buffer.allocUnsafe(end - start);
      readSync(fd, buffer, 0, buffer.length, start);
      const parsed = AuditEntrySchema.safeParse(JSON.parse(buffer.toString('utf8')));
      if (!parsed.success || parsed.data.factId !== factId) {
        const why = parsed.success ? [`factId: expected ${factId}`] : describeIssues(parsed.error.issues);
        throw new Error(`${path}: the entry at byte ${start} is no longer valid: ${why.join('; ')}`);
      }
      return parsed.data;
    });
  } finally {
    closeSync(fd);
  }
}
