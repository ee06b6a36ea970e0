import { readFile } from 'node:fs/promises';
import { locateJsonPath, positionOf } from '../../facts/json-locate.ts';
import { findJsonSyntaxError } from '../../facts/json-syntax.ts';
import { type FailureDetail, fail, ok, type Result } from '../../facts/result.ts';
import { describeProblem } from '../errors.ts';
import type { Translator } from '../i18n.ts';

/** Reads and parses a JSON file; a missing file or a syntax error becomes a failure naming the file, line and column. */
export async function readJsonFile(file: string): Promise<Result<{ data: unknown; text: string }>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail('fileUnreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  try {
    return ok({ data: JSON.parse(text), text });
  } catch (error) {
    // Node 20's JSON.parse does not always say where: find the first error ourselves.
    const found = findJsonSyntaxError(text);
    const where = positionOf(text, found?.offset ?? 0);
    return fail('jsonSyntax', {
      file,
      ...where,
      reason: found ? `expected ${found.expected}` : (error as Error).message,
    });
  }
}

/**
 * A failure's details as `file:line:column path: problem` lines in the reader's language, the first ones first, so an
 * editor can jump to them; a detail that is already a text is kept as it is.
 */
export function locateProblems(
  file: string,
  text: string,
  details: readonly FailureDetail[],
  t: Translator,
  limit = 20,
): string[] {
  const lines = details.slice(0, limit).map((detail) => {
    if (typeof detail === 'string') return `${file} ${detail}`;
    const where = locateJsonPath(text, detail.path);
    return `${file}${where ? `:${where.line}:${where.column}` : ''} ${describeProblem(detail, t)}`;
  });
  if (details.length > limit) lines.push(`… +${details.length - limit}`);
  return lines;
}
