/** Calendar periods as day intervals, so "2025" can be seen to contain "2025-Q3" and "2025-01/2025-08" to hold March. */

type Interval = readonly [number, number];

const day = (year: number, month: number, date: number): number =>
  Date.UTC(year, month - 1, date) / 86_400_000;

/** The first and last day of one period point (`2025`, `2025-H1`, `2025-Q3`, `2025-07`, `2025-09-10`). */
function pointInterval(point: string): Interval | undefined {
  const match = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})(?:-(\d{2}))?))?$/.exec(point);
  if (!match) return undefined;
  const year = Number(match[1]);
  const [, , half, quarter, month, date] = match;
  if (date) return [day(year, Number(month), Number(date)), day(year, Number(month), Number(date))];
  if (month) return [day(year, Number(month), 1), day(year, Number(month) + 1, 1) - 1];
  if (quarter) return [day(year, Number(quarter) * 3 - 2, 1), day(year, Number(quarter) * 3 + 1, 1) - 1];
  if (half) return [day(year, Number(half) * 6 - 5, 1), day(year, Number(half) * 6 + 1, 1) - 1];
  return [day(year, 1, 1), day(year + 1, 1, 1) - 1];
}

/** A period or a span `A/B` as one interval. */
export function periodInterval(period: string): Interval | undefined {
  const [from = '', to = from] = period.split('/');
  const start = pointInterval(from);
  const end = pointInterval(to);
  return start && end ? [start[0], end[1]] : undefined;
}

/** Month (1–12), day and quarter of a yearless mention such as `--09-10`, `--07` or `--Q3`. */
function yearless(period: string): { month?: number; date?: number; quarter?: number } | undefined {
  const match = /^--(?:Q([1-4])|(\d{2})(?:-(\d{2}))?)$/.exec(period);
  if (!match) return undefined;
  return {
    quarter: match[1] ? Number(match[1]) : undefined,
    month: match[2] ? Number(match[2]) : undefined,
    date: match[3] ? Number(match[3]) : undefined,
  };
}

/**
 * Whether a period written in a text agrees with a period a fact states: the same, coarser ("in 2025" for 2025-Q3),
 * or inside a stated span. A yearless mention ("10 septembre") agrees with any year.
 */
export function periodsAgree(written: string, stated: string): boolean {
  const partial = yearless(written);
  if (partial) {
    const target = /^\d{4}-(?:Q([1-4])|(\d{2})(?:-(\d{2}))?)/.exec(stated.split('/')[0]!);
    if (!target) return false;
    const [, quarter, month, date] = target;
    if (partial.quarter)
      return quarter
        ? Number(quarter) === partial.quarter
        : month
          ? Math.ceil(Number(month) / 3) === partial.quarter
          : false;
    return Number(month) === partial.month && (partial.date === undefined || Number(date) === partial.date);
  }
  const mention = periodInterval(written);
  const fact = periodInterval(stated);
  if (!mention || !fact) return false;
  const factInsideMention = mention[0] <= fact[0] && fact[1] <= mention[1];
  const mentionInsideSpan = stated.includes('/') && fact[0] <= mention[0] && mention[1] <= fact[1];
  return factInsideMention || mentionInsideSpan;
}
