import type { Fact } from '../schema/index.ts';
import type { AnalyzedQuestion } from './question.ts';

/** A span of months, as month numbers since year 0 (2025-07 is 2025 × 12 + 6), both ends included. */
export type MonthSpan = readonly [number, number];

/** What period a question asks about: a span, or a quarter or month of any year ("au T3", "in July"). */
export interface AskedPeriod {
  span?: MonthSpan;
  /** Months of the year (0–11) asked without a year. */
  months?: readonly number[];
}

const monthsOfQuarter = (q: number): number[] => [3 * (q - 1), 3 * (q - 1) + 1, 3 * (q - 1) + 2];

/**
 * The period a question names, from its words: a year (`2024`), a quarter (`Q3`, `T2`, `third quarter`), a month
 * (`July`, `août`), or a quarter or month with its year. Relative periods ("last year") are not read: no asked period.
 */
export function askedPeriod(question: AnalyzedQuestion): AskedPeriod | undefined {
  const years = question.tokens.map((t) => t.surface).filter((s) => /^(?:19|20)\d\d$/.test(s));
  const quarter = question.concepts.map((c) => /^q([1-4])$/.exec(c)?.[1]).find(Boolean);
  const month = question.concepts.map((c) => /^m(\d\d)$/.exec(c)?.[1]).find(Boolean);
  const months = quarter ? monthsOfQuarter(Number(quarter)) : month ? [Number(month) - 1] : undefined;
  // Two years or more ("from 2024 to 2025"): a span between them, whatever quarter is named.
  if (years.length !== 1) return years.length > 1 ? spanOfYears(years) : months ? { months } : undefined;
  const base = Number(years[0]) * 12;
  if (!months) return { span: [base, base + 11] };
  return { span: [base + months[0]!, base + months.at(-1)!] };
}

const spanOfYears = (years: string[]): AskedPeriod => {
  const numbers = years.map(Number);
  return { span: [Math.min(...numbers) * 12, Math.max(...numbers) * 12 + 11] };
};

/** A stored period (`2025`, `2025-H1`, `2025-Q3`, `2025-07`, `2025-09-10`, or `a/b`) as a span of months. */
export function spanOf(period: string): MonthSpan | undefined {
  const [first, last = first] = period.split('/');
  const start = pointSpan(first!);
  const end = pointSpan(last!);
  return start && end ? [start[0], end[1]] : undefined;
}

function pointSpan(point: string): MonthSpan | undefined {
  const match = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d\d)))?/.exec(point);
  if (!match) return undefined;
  const base = Number(match[1]) * 12;
  if (match[2]) return [base + 6 * (Number(match[2]) - 1), base + 6 * Number(match[2]) - 1];
  if (match[3]) return [base + 3 * (Number(match[3]) - 1), base + 3 * Number(match[3]) - 1];
  if (match[4]) return [base + Number(match[4]) - 1, base + Number(match[4]) - 1];
  return [base, base + 11];
}

/** The spans of a fact's dated values (quantity periods and dates); empty when none is dated. */
export function factSpans(fact: Fact): MonthSpan[] {
  return fact.values.flatMap((value) => {
    const period = value.kind === 'quantity' ? value.period : value.date;
    const span = period ? spanOf(period) : undefined;
    return span ? [span] : [];
  });
}

/** Whether a fact can speak of the asked period: it dates none of its values, or one of them overlaps it. */
export function coversPeriod(spans: readonly MonthSpan[], asked: AskedPeriod): boolean {
  if (spans.length === 0) return true;
  return spans.some(([start, end]) => {
    if (asked.span) return start <= asked.span[1] && end >= asked.span[0];
    for (let month = start; month <= end && month - start < 24; month++)
      if (asked.months!.includes(month % 12)) return true;
    return false;
  });
}
