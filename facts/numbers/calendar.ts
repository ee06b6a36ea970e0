import type { Lexicon } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import { isDash } from './units.ts';

/** A calendar mention: a quarter, half, month or date (bare years are read with the other numbers). */
export interface CalendarMatch {
  first: number;
  next: number;
  unit: 'year' | 'half' | 'quarter' | 'month' | 'date';
  value: number;
  period: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A plain four-digit year between 1900 and 2100. */
export function yearAt(tokens: readonly Token[], index: number): number | undefined {
  const token = tokens[index];
  if (token?.kind !== 'num' || !token.num!.plain || token.text.length !== 4) return undefined;
  const year = token.num!.value;
  return year >= 1900 && year <= 2100 ? year : undefined;
}

/** A year at `index`, optionally after a linker ("of 2025", "de 2025"). */
function yearAfter(tokens: readonly Token[], index: number, lexicon: Lexicon, linked: boolean) {
  const year = yearAt(tokens, index);
  if (year !== undefined) return { year, next: index + 1 };
  if (!linked || !lexicon.calendarLinkers.has(tokens[index]?.norm ?? '')) return undefined;
  const after = yearAt(tokens, index + 1);
  return after === undefined ? undefined : { year: after, next: index + 2 };
}

/** A month name or abbreviation ("sept.", "juillet", "July"), with its dot. */
function monthAt(tokens: readonly Token[], index: number, lexicon: Lexicon) {
  const token = tokens[index];
  if (token?.kind !== 'word') return undefined;
  const month = lexicon.months.get(token.norm);
  if (month === undefined) return undefined;
  const initial = token.text[0]!;
  if (lexicon.monthsNeedingCapital.has(token.norm) && initial === initial.toLowerCase()) return undefined;
  const dot = tokens[index + 1];
  const next = dot?.text === '.' && dot.start === token.end && token.text.length <= 5 ? index + 2 : index + 1;
  return { month, next };
}

/** A day of the month: 1–31 in plain digits, or an ordinal ("1er", "10th"). */
function dayAt(tokens: readonly Token[], index: number): number | undefined {
  const token = tokens[index];
  const day =
    token?.kind === 'ord'
      ? token.ord
      : token?.kind === 'num' && token.num!.plain
        ? token.num!.value
        : undefined;
  return day !== undefined && day >= 1 && day <= 31 && token!.text.length <= 4 ? day : undefined;
}

const date = (first: number, next: number, month: number, day: number, year?: number): CalendarMatch => ({
  first,
  next,
  unit: 'date',
  value: day,
  period: `${year ?? '-'}-${pad(month)}-${pad(day)}`,
});

/** "third quarter of 2025", "3e trimestre 2025", "premier semestre 2025". Halves need their year. */
function readOrdinalPeriod(
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
): CalendarMatch | undefined {
  const token = tokens[index]!;
  const ordinal =
    token.kind === 'ord' ? token.ord : token.kind === 'word' ? lexicon.ordinals.get(token.norm) : undefined;
  if (ordinal === undefined || ordinal < 1 || ordinal > 4) return undefined;
  const at = isDash(tokens[index + 1]) ? index + 2 : index + 1;
  const word = tokens[at];
  if (word?.kind !== 'word') return undefined;
  const quarter = lexicon.quarterWords.has(word.norm);
  if (!quarter && !(lexicon.halfYearWords.has(word.norm) && ordinal <= 2)) return undefined;
  const year = yearAfter(tokens, at + 1, lexicon, true);
  const unit = quarter ? 'quarter' : 'half';
  const letter = quarter ? 'Q' : 'H';
  if (year)
    return {
      first: index,
      next: year.next,
      unit,
      value: ordinal,
      period: `${year.year}-${letter}${ordinal}`,
    };
  return quarter ? { first: index, next: at + 1, unit, value: ordinal, period: `--Q${ordinal}` } : undefined;
}

/** "janvier" in "entre janvier et août 2025": a month that takes its year from the month closing the range. */
function readMonthRangeStart(
  tokens: readonly Token[],
  index: number,
  month: { month: number; next: number },
  lexicon: Lexicon,
): CalendarMatch | undefined {
  if (!lexicon.rangeConnectives.has(tokens[month.next]?.norm ?? '')) return undefined;
  const closing = monthAt(tokens, month.next + 1, lexicon);
  const year = closing && yearAt(tokens, closing.next);
  if (year === undefined || closing!.month <= month.month) return undefined;
  return {
    first: index,
    next: month.next,
    unit: 'month',
    value: month.month,
    period: `${year}-${pad(month.month)}`,
  };
}

/**
 * Reads a calendar mention at `index`: Q3/T3/H1 (+ year), ordinal quarters and halves, day + month (+ year),
 * month + day (+ year), month + year, ISO and slashed dates.
 */
export function readCalendar(
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
): CalendarMatch | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  if (token.kind === 'cal') {
    const cal = token.cal!;
    if (cal.unit !== 'quarter' && cal.unit !== 'half') {
      return { first: index, next: index + 1, unit: cal.unit, value: cal.value, period: cal.period };
    }
    const year = yearAfter(tokens, index + 1, lexicon, true);
    const letter = cal.unit === 'quarter' ? 'Q' : 'H';
    if (year)
      return {
        first: index,
        next: year.next,
        unit: cal.unit,
        value: cal.value,
        period: `${year.year}-${letter}${cal.value}`,
      };
    return cal.needsYear
      ? undefined
      : { first: index, next: index + 1, unit: cal.unit, value: cal.value, period: cal.period };
  }
  const ordinal = readOrdinalPeriod(tokens, index, lexicon);
  if (ordinal) return ordinal;
  const day = dayAt(tokens, index);
  if (day !== undefined) {
    const month = monthAt(tokens, index + 1, lexicon);
    if (!month) return undefined;
    const year = yearAt(tokens, month.next);
    return year === undefined
      ? date(index, month.next, month.month, day)
      : date(index, month.next + 1, month.month, day, year);
  }
  const month = monthAt(tokens, index, lexicon);
  if (!month) return undefined;
  const year = yearAt(tokens, month.next);
  if (year !== undefined) {
    return {
      first: index,
      next: month.next + 1,
      unit: 'month',
      value: month.month,
      period: `${year}-${pad(month.month)}`,
    };
  }
  const dayAfter = dayAt(tokens, month.next);
  if (dayAfter === undefined) return readMonthRangeStart(tokens, index, month, lexicon);
  const comma = tokens[month.next + 1]?.text === ',' ? month.next + 2 : month.next + 1;
  const yearAfterDay = yearAt(tokens, comma);
  return yearAfterDay === undefined
    ? date(index, month.next + 1, month.month, dayAfter)
    : date(index, comma + 1, month.month, dayAfter, yearAfterDay);
}
