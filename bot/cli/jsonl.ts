import type { z } from 'zod';
import { type CliIo, readLines } from './io.ts';

/** The id of a line for its error reply, when one can be read from it. */
const idOf = (raw: unknown): unknown =>
  raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : null;

/** Why a line was refused, precisely: JSON syntax, or each field that does not fit. */
const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`).join('; ');

/**
 * Reads one JSON object per line and writes one JSON line per input, in order. A malformed line gets
 * `{"id", "error"}` and the run goes on; blank lines are skipped.
 */
export async function runJsonl<S extends z.ZodType>(
  io: CliIo,
  schema: S,
  handle: (line: z.infer<S>) => Promise<object> | object,
): Promise<void> {
  for await (const text of readLines(io.stdin)) {
    if (!text.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      io.out(JSON.stringify({ id: null, error: `invalid JSON: ${(error as Error).message}` }));
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      io.out(JSON.stringify({ id: idOf(raw), error: describeIssues(parsed.error) }));
      continue;
    }
    try {
      io.out(JSON.stringify(await handle(parsed.data)));
    } catch (error) {
      io.out(
        JSON.stringify({ id: idOf(raw), error: error instanceof Error ? error.message : String(error) }),
      );
    }
  }
}
