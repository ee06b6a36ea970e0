import { problemsOfIssues } from '../../facts/problem.ts';
import { fail, ok, type Result } from '../../facts/result.ts';
import { type FactKind, IsoDateSchema, QuoteSchema, SlugSchema } from '../../facts/schema/index.ts';
import type { FactForm } from './fact-form.ts';

/** Details as `key = value` lines: entities, as-of date and, for a quote, its speaker and original language. */
export function printDetails(form: Partial<FactForm>, kind: FactKind): string {
  const lines = [`entities = ${(form.entities ?? []).join(', ')}`, `asOf = ${form.asOf ?? ''}`];
  if (kind === 'quote') {
    lines.push(`speaker = ${form.quote?.speaker ?? ''}`, `original = ${form.quote?.original ?? 'fr'}`);
    // Counted from 1 like the source lines a moderator sees.
    if (form.quote?.originalSource !== undefined)
      lines.push(`originalSource = ${form.quote.originalSource + 1}`);
  }
  return lines.join('\n');
}

/** Reads the details lines; unknown keys and malformed values fail with `detailLineInvalid`, naming the line. */
export function parseDetails(
  text: string,
  kind: FactKind,
): Result<Pick<FactForm, 'entities' | 'asOf' | 'quote'>> {
  const read: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const match = /^(entities|asOf|speaker|original|originalSource)\s*=\s*(.*)$/.exec(raw.trim());
    if (raw.trim() && !match) return fail('detailLineInvalid', { line: index + 1, text: raw.trim() });
    if (match) read[match[1]!] = match[2]!.trim();
  }
  const entities = (read.entities ?? '').split(/[,\s]+/).filter(Boolean);
  const bad = entities.find((id) => !SlugSchema.safeParse(id).success);
  if (bad !== undefined) return fail('unknownEntity', { id: bad });
  if (!IsoDateSchema.safeParse(read.asOf).success) return fail('badDate', { value: read.asOf ?? '' });
  if (kind !== 'quote') return ok({ entities, asOf: read.asOf! });
  const source = read.originalSource ? Number(read.originalSource) - 1 : undefined;
  const quote = QuoteSchema.safeParse({
    speaker: read.speaker,
    original: read.original,
    ...(source !== undefined && source !== 0 ? { originalSource: source } : {}),
  });
  if (!quote.success) return fail('quoteDetailsInvalid', {}, problemsOfIssues(quote.error.issues));
  // The speaker is always among the entities; adding it spares a refusal that would lose the typed form.
  const withSpeaker = entities.includes(quote.data.speaker) ? entities : [...entities, quote.data.speaker];
  return ok({ entities: withSpeaker, asOf: read.asOf!, quote: quote.data });
}
