import type { z } from 'zod';
import { locateJsonPath, positionOf } from '../../../facts/json-locate.ts';
import { findJsonSyntaxError } from '../../../facts/json-syntax.ts';
import { type ErrorCode, fail, ok, type Result } from '../../../facts/result.ts';

/** How many problems a refusal lists: the first ones are what a person fixes first. */
const SHOWN = 10;

/**
 * Parses the text of a whole-file data document (`settings.json`, `digests.json`) against its schema. A file that
 * is not JSON, or not valid, fails with `code` and `{ file, line, column, path, reason }` of the first problem,
 * then every problem as `file:line:column path: message`: the program refuses to start on it and leaves it as it is.
 */
export function parseDocument<T>(
  file: string,
  text: string,
  schema: z.ZodType<T>,
  code: ErrorCode,
): Result<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const error = findJsonSyntaxError(text);
    const where = positionOf(text, error?.offset ?? text.length);
    const reason = `invalid JSON, expected ${error?.expected ?? 'a value'}`;
    return fail(code, { file, ...where, path: '(json)', reason }, [
      `${file}:${where.line}:${where.column} ${reason}`,
    ]);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.slice(0, SHOWN).map((issue) => {
    const where = locateJsonPath(text, issue.path) ?? { line: 1, column: 1 };
    return { ...where, path: issue.path.map(String).join('.') || '(root)', reason: issue.message };
  });
  const first = problems[0]!;
  const details = problems.map((p) => `${file}:${p.line}:${p.column} ${p.path}: ${p.reason}`);
  if (parsed.error.issues.length > SHOWN) details.push(`… ${parsed.error.issues.length - SHOWN} more`);
  return fail(code, { file, ...first }, details);
}
