import { positionOf } from '../json-locate.ts';
import { findJsonSyntaxError } from '../json-syntax.ts';
import { type AuditEntry, AuditEntrySchema } from '../schema/index.ts';
import { describeIssues } from './problems.ts';

/** The entries read from a stretch of the audit log, and what its end looked like. */
export interface AuditLines {
  entries: AuditEntry[];
  /** Byte offset (in the stretch) just past each entry's newline. */
  ends: number[];
  /** Offset of an unfinished last line that is not JSON: a write cut off before it was acknowledged. */
  torn?: number;
  /** The last entry is whole but lacks its newline. */
  unterminated?: boolean;
}

/** Where a problem is: 1-based line in the stretch, and the message after `file:line`. */
export interface LineProblem {
  line: number;
  message: string;
}

/**
 * Parses audit lines, each validated by the schema, whose seqs must follow `afterSeq` one by one.
 * Fails on the first line that is not a valid entry, except an unfinished last line, which is reported as torn.
 */
export function parseAuditLines(
  buffer: Buffer,
  afterSeq: number,
): { ok: true; value: AuditLines } | LineFailure {
  const result: AuditLines = { entries: [], ends: [] };
  for (let start = 0, line = 1; start < buffer.length; line++) {
    const newline = buffer.indexOf(10, start);
    const end = newline === -1 ? buffer.length : newline;
    const text = buffer.toString('utf8', start, end);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (newline === -1) return { ok: true, value: { ...result, torn: start } };
      const error = findJsonSyntaxError(text);
      const column = positionOf(text, error?.offset ?? 0).column;
      return lineFailure(line, `:${column}: invalid JSON, expected ${error?.expected ?? 'an audit entry'}`);
    }
    const parsed = AuditEntrySchema.safeParse(json);
    if (!parsed.success)
      return lineFailure(line, ` ${describeIssues(parsed.error.issues).slice(0, 5).join('; ')}`);
    const expected = afterSeq + result.entries.length + 1;
    if (parsed.data.seq !== expected)
      return lineFailure(line, ` seq: expected ${expected}, found ${parsed.data.seq}`);
    result.entries.push(parsed.data);
    result.ends.push(newline === -1 ? end : end + 1);
    if (newline === -1) result.unterminated = true;
    start = end + 1;
  }
  return { ok: true, value: result };
}

export interface LineFailure {
  ok: false;
  problem: LineProblem;
}

const lineFailure = (line: number, message: string): LineFailure => ({
  ok: false,
  problem: { line, message },
});
