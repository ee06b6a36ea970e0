import type { NumberMention } from '../numbers/index.ts';

/** The first month of a period's start (`2025-Q3` → 7, `2025-H2` → 7, `2025-11-10` → 11), or undefined for a year. */
function startMonth(rest: string): number | undefined {
  const quarter = /^-Q([1-4])/.exec(rest);
  if (quarter) return (Number(quarter[1]) - 1) * 3 + 1;
  const half = /^-H([12])/.exec(rest);
  if (half) return half[1] === '1' ? 1 : 7;
  const month = /^-(\d{2})/.exec(rest);
  return month ? Number(month[1]) : undefined;
}

/**
 * A yearless period (`--Q3`, `--11-10`) completed with the year of a reference date, the year before when it would
 * otherwise start after that date (third-quarter results published in February are last year's).
 */
export function completePeriod(period: string, reference: string | undefined): string | undefined {
  if (!period.startsWith('--')) return period;
  if (!reference) return undefined;
  const year = Number(reference.slice(0, 4));
  const rest = period.slice(1);
  const month = startMonth(rest);
  const referenceMonth = Number(reference.slice(5, 7)) || 12;
  const chosen = month !== undefined && month > referenceMonth ? year - 1 : year;
  return `${chosen}${rest}`;
}

/** A mention whose period says which stretch of time figures refer to (a quarter, a half), not a date in itself. */
export const isPeriodOnly = (mention: NumberMention): boolean =>
  mention.unit === 'quarter' || mention.unit === 'half';

/** A full day (`2025-11-10`) among the mentions, the best reference for the year of the others. */
export const fullDateIn = (mentions: readonly NumberMention[]): string | undefined =>
  mentions.find((mention) => mention.unit === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(mention.period ?? ''))
    ?.period;
