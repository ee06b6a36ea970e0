import type { NumberMention } from '../facts/numbers/index.ts';
import type { Lang } from '../facts/schema/index.ts';

/**
 * The baseline a user would otherwise pick: Microsoft Recognizers-Text, with the ~80 lines of glue it needs to say
 * what our extractor says (units, scaled values, spans, precision shown, calendar periods). Dev-only, for benchmarks.
 */
export type Suite = typeof import('@microsoft/recognizers-text-suite');

interface Result {
  text: string;
  start: number;
  end: number;
  typeName: string;
  resolution?: { value?: unknown; unit?: unknown; values?: Array<{ timex?: string; type?: string }> } | null;
}

const CURRENCY: Record<string, { unit: NumberMention['unit']; factor: number }> = {
  Dollar: { unit: 'USD', factor: 1 },
  'Dollar États-Unis': { unit: 'USD', factor: 1 },
  'United States dollar': { unit: 'USD', factor: 1 },
  Cent: { unit: 'USD', factor: 0.01 },
  Euro: { unit: 'EUR', factor: 1 },
  Bitcoin: { unit: 'BTC', factor: 1 },
};

export async function loadSuite(): Promise<Suite> {
  const loaded = (await import('@microsoft/recognizers-text-suite')) as Suite & { default?: Suite };
  return loaded.default ?? loaded;
}

/** Resolutions are strings, with a decimal comma in French ("2,6", "0,25%"). */
const toNumber = (raw: unknown, lang: Lang): number | undefined => {
  if (typeof raw !== 'string') return undefined;
  const cleaned = raw.replace('%', '').trim();
  const value = Number(lang === 'fr' ? cleaned.replace(',', '.') : cleaned);
  return Number.isFinite(value) ? value : undefined;
};

/** The precision the matched text shows: its decimals, or its trailing zeros, times the scale the value implies. */
function precisionOf(text: string, value: number, lang: Lang): number {
  const digits = /\d[\d \u00a0\u202f.,]*\d|\d/.exec(text)?.[0] ?? '';
  const decimalMark = lang === 'fr' ? ',' : '.';
  const [whole = '', decimals = ''] = digits.replace(/[ \u00a0\u202f]/g, '').split(decimalMark);
  const shown = Number(`${whole.replace(/[.,]/g, '')}.${decimals || '0'}`);
  const scale = shown ? Math.abs(value) / shown : 1;
  const step = decimals
    ? 10 ** -decimals.length
    : 10 ** (whole.replace(/[.,]/g, '').match(/0*$/)?.[0].length ?? 0);
  return scale * step;
}

/** A timex as our calendar period: 2025, 2025-07, 2025-09-10, --09-10, or a quarter from a three-month range. */
function periodOf(timex: string): { unit: NumberMention['unit']; period: string; value: number } | undefined {
  const quarter = /^\((\d{4})-(\d{2})-01,\d{4}-\d{2}-01,P3M\)$/.exec(timex);
  if (quarter)
    return {
      unit: 'quarter',
      period: `${quarter[1]}-Q${Math.ceil(Number(quarter[2]) / 3)}`,
      value: Math.ceil(Number(quarter[2]) / 3),
    };
  const day = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(timex);
  if (day)
    return {
      unit: 'date',
      period: `${day[1] === 'XXXX' ? '-' : day[1]}-${day[2]}-${day[3]}`,
      value: Number(day[3]),
    };
  const month = /^(\d{4})-(\d{2})$/.exec(timex);
  if (month) return { unit: 'month', period: timex, value: Number(month[2]) };
  if (/^\d{4}$/.test(timex)) return { unit: 'year', period: timex, value: Number(timex) };
  return undefined;
}

/** What Recognizers finds in a text, as our mentions; a span already claimed by a more specific result is skipped. */
export function recognizeMentions(suite: Suite, text: string, lang: Lang): NumberMention[] {
  const culture = lang === 'fr' ? suite.Culture.French : suite.Culture.English;
  const mentions: NumberMention[] = [];
  const free = (r: Result) => !mentions.some((m) => r.start < m.end && m.start <= r.end);
  const add = (r: Result, value: number | undefined, unit: NumberMention['unit'], period?: string) => {
    if (value === undefined || !free(r)) return;
    const written = text.slice(r.start, r.end + 1);
    mentions.push({
      text: written,
      start: r.start,
      end: r.end + 1,
      value,
      unit,
      scale: 'one',
      precision: precisionOf(written, value, lang),
      qualifier: 'exact',
      ...(period ? { period } : {}),
    });
  };
  for (const r of suite.recognizeCurrency(text, culture) as Result[]) {
    const mapped = CURRENCY[String(r.resolution?.unit)];
    const value = toNumber(r.resolution?.value, lang);
    if (mapped && value !== undefined) add(r, value * mapped.factor, mapped.unit);
  }
  for (const r of suite.recognizePercentage(text, culture) as Result[])
    add(r, toNumber(r.resolution?.value, lang), 'percent');
  for (const r of suite.recognizeDateTime(
    text,
    culture,
    undefined,
    new Date(Date.UTC(2025, 10, 1)),
  ) as Result[]) {
    const timex = r.resolution?.values?.[0]?.timex ?? '';
    const years = /^P(\d+)Y$/.exec(timex);
    if (years) add(r, Number(years[1]), 'years');
    const period = periodOf(timex);
    if (period && /\d/.test(r.text)) add(r, period.value, period.unit, period.period);
  }
  suite.recognizeDimension(text, culture);
  for (const r of suite.recognizeNumber(text, culture) as Result[])
    add(r, toNumber(r.resolution?.value, lang), 'count');
  return mentions.sort((a, b) => a.start - b.start);
}
