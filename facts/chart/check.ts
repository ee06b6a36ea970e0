import type { Lang } from '../schema/index.ts';
import type { CheckedNumber, Verifier } from '../verify/index.ts';
import type { ChartData, ChartTexts } from './types.ts';

export interface ChartCheck {
  ok: boolean;
  numbers: CheckedNumber[];
}

/**
 * The record dates of the drawn facts ("as of", a source's date) are not figures any fact states, so the verifier
 * cannot back them; a calendar number is accepted only when it is one of those dates, to the day.
 */
function isRecordDate(number: CheckedNumber, dates: ReadonlySet<string>): boolean {
  return number.status !== 'verified' && number.period !== undefined && dates.has(number.period);
}

/**
 * Every text the chart draws — title, axis title, category names, labels, caption and alt text — read by the
 * verifier against the facts the bars come from. One number that no drawn fact backs refuses the chart.
 */
export function checkChart(data: ChartData, texts: ChartTexts, verifier: Verifier, lang: Lang): ChartCheck {
  const factIds = [...new Set(data.bars.map((bar) => bar.fact.id))];
  const dates = new Set(data.bars.flatMap((bar) => [bar.fact.asOf, ...bar.fact.sources.map((s) => s.date)]));
  const drawn = [
    texts.title,
    texts.axisTitle,
    ...texts.categories,
    ...texts.labels,
    texts.caption,
    texts.alt,
  ];
  const numbers = drawn.flatMap((text) => verifier.verify(text, lang, factIds).numbers);
  const accepted = numbers.map((number) =>
    isRecordDate(number, dates)
      ? { ...number, status: 'verified' as const, reason: 'match' as const }
      : number,
  );
  return { ok: accepted.every((number) => number.status === 'verified'), numbers: accepted };
}
