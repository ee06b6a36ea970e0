import type { NumberMention } from '../numbers/index.ts';
import type { Lang } from '../schema/index.ts';
import { type CueHit, findCues, nearestMeasure, proposeMeasure } from './measures.ts';
import { CALENDAR_UNITS, valueFromMention } from './mention-value.ts';
import { completePeriod, fullDateIn, isPeriodOnly } from './periods.ts';
import type { SourceSentence } from './sentences.ts';
import type { DraftQuantity, DraftValue, MeasureCues } from './types.ts';

/** A value read in a sentence, with the span it replaces in the text and the clause it stands in. */
export interface PlacedValue {
  value: DraftValue;
  start: number;
  end: number;
  clause: number;
}

/** A quarter or half a sentence names, as the period it means. */
export interface PeriodMention {
  start: number;
  end: number;
  text: string;
  period: string;
}

/** What a sentence's values depend on beyond its words: measures, and the periods the article has set so far. */
export interface ValueContext {
  lang: Lang;
  measures: readonly MeasureCues[];
  /** Measures whose stored values carry a period (revenue, net loss): they take the article's current quarter. */
  periodic: ReadonlySet<string>;
  /** The date yearless mentions are read against (the source's, else the last full date met). */
  reference: string | undefined;
  /** The quarter or half the article last named, for "the quarter" in a later sentence. */
  period: string | undefined;
}

const BOUNDARY = /[,;:()—–]/u;

/** Words right after a figure that put it a year before the period named ("$141.1 million a year earlier"). */
const YEAR_EARLIER: Record<Lang, RegExp> = {
  en: /^[^,.;]{0,12}\b(?:a year (?:earlier|ago|before)|the year before|in the year-ago)/iu,
  fr: /^[^,.;]{0,12}(?:un an plus tôt|il y a un an|l['’]an dernier|un an auparavant|sur la même période de l['’]an)/iu,
};
const yearEarlier = (text: string, mention: NumberMention, lang: Lang) =>
  YEAR_EARLIER[lang].test(text.slice(mention.end, mention.end + 60));
const shiftYear = (period: string | undefined) =>
  period && /^\d{4}/.test(period) ? `${Number(period.slice(0, 4)) - 1}${period.slice(4)}` : period;

/** The stretch of a clause around a number, between the punctuation that bounds it. */
function segmentAround(text: string, clause: { start: number; end: number }, mention: NumberMention) {
  let start = mention.start;
  while (start > clause.start && !BOUNDARY.test(text[start - 1]!)) start--;
  let end = mention.end;
  while (end < clause.end && !BOUNDARY.test(text[end]!)) end++;
  return { start, end };
}

function measureOf(
  text: string,
  clause: { start: number; end: number },
  mention: NumberMention,
  hits: readonly CueHit[],
  ctx: ValueContext,
) {
  const segment = segmentAround(text, clause, mention);
  for (const scope of [segment, clause]) {
    const found = nearestMeasure(hits, scope, mention, ctx.measures, ctx.lang);
    if (found) return { measure: found };
  }
  const words = text.slice(segment.start, segment.end);
  const target = {
    start: mention.start - segment.start,
    end: mention.end - segment.start,
    unit: mention.unit,
  };
  return { measure: proposeMeasure(words, target, ctx.lang), newMeasure: true as const };
}

/**
 * The values of one sentence: each quantity with its measure and period, each full date as a date value; months and
 * years are dates only in a sentence without quantities (a dated event), else the period of its figures; quarters and
 * halves are only ever periods. Returns the period the sentence sets for the sentences after it.
 */
export function readSentenceValues(
  text: string,
  sentence: SourceSentence,
  mentions: readonly NumberMention[],
  ctx: ValueContext,
): {
  values: PlacedValue[];
  period: string | undefined;
  reference: string | undefined;
  /** Quarters and halves the sentence names (read as periods, not values), completed when the year is known. */
  periods: PeriodMention[];
} {
  const reference = fullDateIn(mentions) ?? ctx.reference;
  const quantities = mentions.filter((mention) => !CALENDAR_UNITS.has(mention.unit));
  const calendar = mentions.filter((mention) => CALENDAR_UNITS.has(mention.unit));
  const periodMention =
    calendar.find(isPeriodOnly) ?? (quantities.length ? calendar.find((m) => m.unit !== 'date') : undefined);
  const explicit = periodMention ? completePeriod(periodMention.period ?? '', reference) : undefined;
  const clauseOf = (mention: NumberMention) =>
    Math.max(
      0,
      sentence.clauses.findIndex((clause) => mention.start >= clause.start && mention.start < clause.end),
    );
  // A period named in one clause dates the figures of that clause, not those of a clause about someone else.
  const periodClause = periodMention ? clauseOf(periodMention) : -1;
  const values: PlacedValue[] = [];
  // The registry's cues in the sentence, found once, offsets into the whole text.
  const hits = quantities.length
    ? findCues(text.slice(sentence.start, sentence.end), ctx.lang, ctx.measures).map((hit) => ({
        ...hit,
        start: hit.start + sentence.start,
        end: hit.end + sentence.start,
      }))
    : [];
  for (const mention of mentions) {
    const clause = clauseOf(mention);
    if (CALENDAR_UNITS.has(mention.unit)) {
      if (isPeriodOnly(mention) || mention === periodMention) continue;
      if (mention.unit !== 'date' && quantities.length) continue;
      const period = completePeriod(mention.period ?? '', reference);
      const value = period ? valueFromMention('date', { ...mention, period }) : undefined;
      if (value?.kind === 'date') values.push({ value, start: mention.start, end: mention.end, clause });
      continue;
    }
    const measured = measureOf(text, sentence.clauses[clause]!, mention, hits, ctx);
    const own = clause === periodClause || sentence.clauses.length === 1 ? explicit : undefined;
    // A measure kept by period takes the one its sentence names, else the one the article named last.
    const period = own ?? (ctx.periodic.has(measured.measure) ? (explicit ?? ctx.period) : undefined);
    const read = valueFromMention(
      measured.measure,
      mention,
      yearEarlier(text, mention, ctx.lang) ? shiftYear(period) : period,
    );
    if (read?.kind !== 'quantity') continue;
    values.push({
      value: { ...read, ...measured } as DraftQuantity,
      start: mention.start,
      end: mention.end,
      clause,
    });
  }
  const sets = periodMention && isPeriodOnly(periodMention) ? explicit : undefined;
  const periods = calendar.flatMap((mention) => {
    if (!isPeriodOnly(mention) && mention !== periodMention) return [];
    const period = completePeriod(mention.period ?? '', reference);
    return period ? [{ start: mention.start, end: mention.end, text: mention.text, period }] : [];
  });
  return { values, period: sets ?? ctx.period, reference: fullDateIn(mentions) ?? ctx.reference, periods };
}
