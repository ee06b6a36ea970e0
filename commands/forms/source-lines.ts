import { problemsOfIssues } from '../../facts/problem.ts';
import { fail, ok, type Result } from '../../facts/result.ts';
import { type Source, SourceSchema } from '../../facts/schema/index.ts';

/** Separates the parts of a source line: `title | publisher | lang | date | locator | url`. */
const SEPARATOR = ' | ';

/** Sources as editable lines, one per source, in the order the fact cites them. */
export const printSourceLines = (sources: readonly Source[]): string =>
  sources
    .map((source) =>
      [
        source.title,
        source.publisher,
        source.lang,
        source.date,
        source.locator,
        ...(source.url ? [source.url] : []),
      ].join(SEPARATOR),
    )
    .join('\n');

/** Reads source lines back; a line that is not a valid source fails with `sourceLineInvalid`, naming the line. */
export function parseSourceLines(text: string): Result<Source[]> {
  const sources: Source[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const [title, publisher, lang, date, locator, url, ...rest] = line.split('|').map((part) => part.trim());
    const parsed = SourceSchema.safeParse({ title, publisher, lang, date, locator, ...(url ? { url } : {}) });
    if (!parsed.success || rest.length > 0) {
      const problems = parsed.success ? [] : problemsOfIssues(parsed.error.issues);
      return fail('sourceLineInvalid', { line: index + 1, text: line.trim() }, problems);
    }
    sources.push(parsed.data);
  }
  return ok(sources);
}
