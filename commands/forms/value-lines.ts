import { CALENDAR_UNITS, valueFromMention } from '../../facts/draft/index.ts';
import { extractNumbers, formatValue, type NumberMention } from '../../facts/numbers/index.ts';
import { fail, ok, type Result } from '../../facts/result.ts';
import { type FactValue, type Lang, PeriodSchema } from '../../facts/schema/index.ts';

/** `key = <the number as a reader writes it> [@ period]`, e.g. `netLoss = 46 millions de dollars @ 2025-Q3`. */
const LINE = /^([a-z][a-zA-Z0-9]*)\s*=\s*(.+)$/;
const PERIOD_MARK = /\s@\s*(\S+)\s*$/;

/** One value as an editable line, the number written the way the reader's language writes it. */
export function printValueLine(value: FactValue, lang: Lang): string {
  const period = value.kind === 'quantity' && value.period ? ` @ ${value.period}` : '';
  return `${value.key} = ${formatValue(value, lang)}${period}`;
}

/** Values as editable lines, one per value. */
export const printValueLines = (values: readonly FactValue[], lang: Lang): string =>
  values.map((value) => printValueLine(value, lang)).join('\n');

/** Two calendar mentions on one line are a span (`de janvier à août 2025` → `2025-01/2025-08`). */
function toSpan(key: string, mentions: readonly NumberMention[]): FactValue | undefined {
  const [from, to] = mentions;
  if (mentions.length !== 2 || !from || !to || !CALENDAR_UNITS.has(from.unit) || !CALENDAR_UNITS.has(to.unit))
    return undefined;
  const date = PeriodSchema.safeParse(`${from.period}/${to.period}`);
  return date.success ? { key, kind: 'date', date: date.data, qualifier: from.qualifier } : undefined;
}

/** Words that join the two ends of a span; anything else left unread on a line is a word no reading understood. */
const SPAN_WORDS = new Set([
  'de',
  'du',
  'd',
  'à',
  'a',
  'au',
  'to',
  'from',
  'between',
  'and',
  'et',
  'entre',
  'through',
]);

/**
 * The words of a line a reading left unread: everything outside the numbers it found, except the hedge before a
 * number it qualified ("près de", "about") and the words that join a span.
 */
function unread(written: string, mentions: readonly NumberMention[]): string[] {
  let rest = '';
  let at = 0;
  for (const mention of mentions) {
    if (mention.qualifier === 'exact') rest += ` ${written.slice(at, mention.start)}`;
    at = mention.end;
  }
  rest += ` ${written.slice(at)}`;
  return (rest.match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => mentions.length < 2 || !SPAN_WORDS.has(word.toLowerCase()),
  );
}

/** A decimal mark that says the language: "9.7" is written in English, "9,7" in French. */
const markOf = (written: string): Lang | undefined =>
  /\d\.\d{1,2}(?!\d)/.test(written) ? 'en' : /\d,\d{1,2}(?!\d)/.test(written) ? 'fr' : undefined;

/**
 * Reads a line in whichever language it is written, whatever the session's: the reading that leaves no word unread
 * wins ("46 millions de dollars" is French, "about $9.7 billion" English); between two full readings, the decimal
 * mark decides, then the session's language.
 */
function readLine(written: string, lang: Lang) {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const readings = [lang, other].map((reader) => {
    const mentions = extractNumbers(written, reader);
    return { reader, mentions, left: unread(written, mentions) };
  });
  const found = readings.filter((reading) => reading.mentions.length);
  const full = found.filter((reading) => reading.left.length === 0);
  const mark = markOf(written);
  return (
    full.find((reading) => full.length > 1 && reading.reader === mark) ??
    full[0] ??
    found.sort((a, b) => a.left.length - b.left.length)[0]
  );
}

/**
 * A value read from a line keeps what the line does not show of the value it replaces (same key): its measure, its
 * role and its direction, so an edit of the number never loses what the number measures.
 */
function keepMeaning(value: FactValue, previous: readonly FactValue[]): FactValue {
  const before = previous.find((item) => item.key === value.key);
  if (value.kind !== 'quantity' || before?.kind !== 'quantity') return value;
  const { key, kind, ...number } = value;
  return {
    key,
    kind,
    ...(before.measure ? { measure: before.measure } : {}),
    ...(before.role ? { role: before.role } : {}),
    ...(before.direction ? { direction: before.direction } : {}),
    ...number,
  };
}

/**
 * Reads value lines back. Each non-empty line needs a camelCase key, `=`, and exactly one number as a reader writes
 * it, in French or English (or a span of two dates), optionally followed by `@ period` (`2025-Q3`). Failures name the
 * line: `valueLineInvalid` (shape), `valueLinePeriod`, `valueLineNoNumber`, `valueLineManyNumbers` (with the numbers
 * found), `valueLineUnit`, `valueLineWords` (words no reading understood: "80 bananas" is never stored as 80).
 * `previous` are the values being edited, whose measures the lines keep.
 */
export function parseValueLines(
  text: string,
  lang: Lang,
  previous: readonly FactValue[] = [],
): Result<FactValue[]> {
  const values: FactValue[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = { line: index + 1, text: line };
    const match = LINE.exec(line);
    if (!match) return fail('valueLineInvalid', at);
    const [, key, rest] = match as unknown as [string, string, string];
    const periodMatch = PERIOD_MARK.exec(rest);
    const period = periodMatch?.[1];
    if (period !== undefined && !PeriodSchema.safeParse(period).success)
      return fail('valueLinePeriod', { ...at, period });
    const written = periodMatch ? rest.slice(0, periodMatch.index) : rest;
    const reading = readLine(written, lang);
    if (!reading) return fail('valueLineNoNumber', at);
    const { mentions, left } = reading;
    if (left.length) return fail('valueLineWords', { ...at, words: left.join(' ') });
    const span = period === undefined ? toSpan(key, mentions) : undefined;
    if (span) {
      values.push(span);
      continue;
    }
    if (mentions.length > 1) {
      const found = mentions.map((mention) => mention.text).join(' · ');
      return fail('valueLineManyNumbers', { ...at, count: mentions.length, found });
    }
    const value = valueFromMention(key, mentions[0]!, period);
    if (!value) return fail('valueLineUnit', { ...at, found: mentions[0]!.text });
    values.push(keepMeaning(value, previous));
  }
  return ok(values);
}
