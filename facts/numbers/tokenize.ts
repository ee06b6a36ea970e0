import type { Lang } from '../schema/index.ts';
import { type DigitValue, readDigits } from './digits.ts';
import { fold } from './fold.ts';
import { MASK_SOURCE, TIMESTAMP_SOURCE, URL_SOURCE } from './masks.ts';

export type TokenKind = 'num' | 'word' | 'sym' | 'ord' | 'cal' | 'mask';

/** A calendar reference written as one token: Q3, T2, H1, FY2025, 2025-09-10, 10/09/2025. */
export interface CalendarToken {
  unit: 'quarter' | 'half' | 'date' | 'year';
  value: number;
  period: string;
  /** S1/H1 mean a half only with a year after them. */
  needsYear: boolean;
}

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** Folded word (lower case, no accents), or the symbol itself. */
  norm: string;
  num?: DigitValue;
  cal?: CalendarToken;
  /** An ordinal written with digits: 1er, 3e, 2nd, 20th. */
  ord?: number;
}

/** What the tokenizer needs from a language. */
export interface TokenizerConfig {
  lang: Lang;
  /** Words that make an ASCII-space group two numbers ("les 20 100 plus grands"). */
  rankingWords: ReadonlySet<string>;
  /** Letters that may be glued to digits: scale abbreviations (9.7B) and unit codes (18MW). */
  gluedSuffixes: ReadonlySet<string>;
  /** Currency codes that may be glued before digits ("USD7.25", "EUR5"). */
  gluedPrefixes: ReadonlySet<string>;
}

const SIGN = String.raw`(?:(?<![\p{L}\p{N}.,])[+\-\u2212])?`;
const EXP = String.raw`(?:[eE][+\-]?\d+(?![\p{L}\p{N}]))?`;
const NUMBER: Record<Lang, string> = {
  fr: String.raw`${SIGN}(?:\d{1,3}(?:[ \u00A0\u202F]\d{3}(?!\d))+(?:,\d+)?|\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d+)?|\d+(?:[.,]\d+)?|(?<![\p{L}\p{N}])[.,]\d+)${EXP}`,
  en: String.raw`${SIGN}(?:\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d{1,3}(?:[\u00A0\u202F]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:\.\d+|,\d{1,2}(?!\d))?|(?<![\p{L}\p{N}])\.\d+)${EXP}`,
};
const CALENDAR = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)|\d{1,2}[\/.]\d{1,2}[\/.]\d{4}(?!\d)`;
const FRACTION = String.raw`${SIGN}\d{1,3}\/\d{1,3}(?![\d\/])`;
const SUFFIX = String.raw`(\p{L}[\p{L}\p{M}\p{N}]*)?`;
const WORD = String.raw`\p{L}[\p{L}\p{M}\p{N}]*['’]?`;
/** "x2", "×1,9": a multiplier sign before a number, read apart from it. */
const TIMES = String.raw`(?<![\p{L}\p{N}])[xX×](?=[+\-]?\d)`;
const DAY_MS = 86_400_000;
const URL_DIGITS = /\d+/g;

const ORDINAL_SUFFIX = /^(?:e|er|re|ère|ème|eme|ième|è|st|nd|rd|th)$/;
const QUARTER_TOKEN = /^[QT]([1-4])$/;
const HALF_TOKEN = /^[HS]([12])$/;
const FISCAL_YEAR = /^FY(\d{2}|\d{4})$/;
const WORD_AFTER = /\s*(\p{L}+)/uy;
const CODE_BEFORE_DIGITS = /^(\p{L}{3})\d/u;
const pad = (n: number) => String(n).padStart(2, '0');

const patterns = new Map<Lang, { token: RegExp; number: RegExp }>();

function patternsFor(lang: Lang): { token: RegExp; number: RegExp } {
  let found = patterns.get(lang);
  if (!found) {
    const number = NUMBER[lang];
    found = {
      token: new RegExp(
        `(\\s+)|(${CALENDAR})|(${TIMESTAMP_SOURCE})|(${URL_SOURCE})|(${MASK_SOURCE})|(${FRACTION})|(${number})${SUFFIX}|(${TIMES})|(${WORD})|([\\s\\S])`,
        'uy',
      ),
      number: new RegExp(`(${number})${SUFFIX}`, 'uy'),
    };
    patterns.set(lang, found);
  }
  return found;
}

/** A written date d/m/y (French) or m/d/y (English), or ISO y-m-d, as a calendar token; undefined if impossible. */
function readDate(text: string, lang: Lang): CalendarToken | undefined {
  const parts = text.split(/[-/.]/).map(Number);
  const [year, month, day] = text.includes('-')
    ? parts
    : lang === 'en' && text.includes('/')
      ? [parts[2], parts[0], parts[1]]
      : [parts[2], parts[1], parts[0]];
  if (!year || !month || !day || month > 12 || day > 31) return undefined;
  return { unit: 'date', value: day, period: `${year}-${pad(month)}-${pad(day)}`, needsYear: false };
}

/** A Discord timestamp as the UTC day it denotes. */
function readTimestamp(text: string): CalendarToken | undefined {
  const seconds = Number(/-?\d+/.exec(text)![0]);
  const day = new Date(Math.floor((seconds * 1000) / DAY_MS) * DAY_MS);
  if (Number.isNaN(day.getTime())) return undefined;
  const iso = day.toISOString().slice(0, 10);
  if (!/^\d{4}-/.test(iso)) return undefined;
  return { unit: 'date', value: day.getUTCDate(), period: iso, needsYear: false };
}

/** Q3, T3, H1, S2, FY2025 as calendar tokens. */
function readCalendarWord(text: string): CalendarToken | undefined {
  const quarter = QUARTER_TOKEN.exec(text);
  if (quarter)
    return { unit: 'quarter', value: Number(quarter[1]), period: `--Q${quarter[1]}`, needsYear: false };
  const half = HALF_TOKEN.exec(text);
  if (half) return { unit: 'half', value: Number(half[1]), period: `--H${half[1]}`, needsYear: true };
  const fiscal = FISCAL_YEAR.exec(text);
  if (fiscal) {
    const year = fiscal[1]!.length === 2 ? 2000 + Number(fiscal[1]) : Number(fiscal[1]);
    return { unit: 'year', value: year, period: String(year), needsYear: false };
  }
  return undefined;
}

/** French ASCII spaces both group digits and separate words: keep a group only when it reads as one number. */
function keptLength(text: string, raw: string, end: number, config: TokenizerConfig): number {
  const space = raw.indexOf(' ');
  if (config.lang !== 'fr' || space < 0) return raw.length;
  if (raw.indexOf(' ', space + 1) >= 0 || raw.includes(',')) return raw.length;
  if (/^[+\-\u2212]?0/.test(raw)) return space;
  WORD_AFTER.lastIndex = end;
  const next = WORD_AFTER.exec(text);
  return next && config.rankingWords.has(fold(next[1]!)) ? space : raw.length;
}

/**
 * Splits a text into numbers, words, symbols, ordinals, calendar tokens and masked identifiers, in one pass with a
 * sticky regex.
 */
export function tokenize(
  text: string,
  config: TokenizerConfig,
  masked?: ReadonlyMap<number, number>,
): Token[] {
  const { token: pattern, number: numberPattern } = patternsFor(config.lang);
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, extra?: Pick<Token, 'num' | 'cal' | 'ord'>) => {
    const slice = text.slice(start, end);
    const token: Token = { kind, start, end, text: slice, norm: kind === 'word' ? fold(slice) : slice };
    if (extra) Object.assign(token, extra);
    tokens.push(token);
  };
  const pushNumber = (start: number, raw: string, suffix: string | undefined, end: number): number => {
    const kept = keptLength(text, raw, end, config);
    if (kept < raw.length) {
      push('num', start, start + kept, { num: readDigits(raw.slice(0, kept), config.lang) });
      return start + kept;
    }
    const numberEnd = start + raw.length;
    if (!suffix) {
      push('num', start, numberEnd, { num: readDigits(raw, config.lang) });
    } else if (config.gluedSuffixes.has(suffix)) {
      // "5G" is a network generation, "10G" ten billion: a lone digit before G needs a currency after it
      if (suffix === 'G' && /^\d$/.test(raw) && !/[$€]/.test(text[end] ?? '')) push('mask', start, end);
      else {
        push('num', start, numberEnd, { num: readDigits(raw, config.lang) });
        push('word', numberEnd, end);
      }
    } else if (ORDINAL_SUFFIX.test(suffix) && /^\d{1,4}$/.test(raw)) {
      push('ord', start, end, { ord: Number(raw) });
    } else {
      push('mask', start, end);
    }
    return end;
  };

  /** A link: its path's digit runs are numbers, everything else is masked. */
  const pushLink = (start: number, end: number) => {
    const link = text.slice(start, end);
    const scheme = link.indexOf('://');
    const slash = link.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    let at = 0;
    if (slash >= 0) {
      URL_DIGITS.lastIndex = slash;
      for (let run = URL_DIGITS.exec(link); run; run = URL_DIGITS.exec(link)) {
        if (run.index > at) push('mask', start + at, start + run.index);
        push('num', start + run.index, start + run.index + run[0].length, {
          num: readDigits(run[0], config.lang),
        });
        at = run.index + run[0].length;
      }
    }
    if (at < link.length) push('mask', start + at, end);
  };

  let position = 0;
  while (position < text.length) {
    const maskEnd = masked?.get(position);
    if (maskEnd !== undefined) {
      push('mask', position, maskEnd);
      position = maskEnd;
      continue;
    }
    pattern.lastIndex = position;
    const match = pattern.exec(text)!;
    const end = pattern.lastIndex;
    if (match[1] !== undefined) {
      position = end;
      continue;
    }
    if (match[2] !== undefined) {
      const cal = readDate(match[2], config.lang);
      push(cal ? 'cal' : 'mask', position, end, cal ? { cal } : undefined);
    } else if (match[3] !== undefined) {
      const cal = readTimestamp(match[3]);
      push(cal ? 'cal' : 'mask', position, end, cal ? { cal } : undefined);
    } else if (match[4] !== undefined) {
      pushLink(position, end);
    } else if (match[5] !== undefined) {
      push('mask', position, end);
    } else if (match[6] !== undefined) {
      const body = match[6].replace(/^[+\-\u2212]/, '');
      const [numerator, denominator] = body.split('/').map(Number) as [number, number];
      if (denominator >= 2 && denominator <= 100 && numerator < denominator) {
        const sign = body.length < match[6].length && match[6][0] !== '+' ? -1 : 1;
        push('num', position, end, {
          num: {
            value: (sign * numerator) / denominator,
            precExp: -2,
            plain: false,
            isInteger: false,
            fraction: true,
          },
        });
      } else {
        numberPattern.lastIndex = position;
        const number = numberPattern.exec(text)!;
        position = pushNumber(position, number[1]!, number[2], numberPattern.lastIndex);
        continue;
      }
    } else if (match[7] !== undefined) {
      position = pushNumber(position, match[7], match[8], end);
      continue;
    } else if (match[9] !== undefined) {
      push('sym', position, end);
    } else if (match[10] !== undefined) {
      const code = CODE_BEFORE_DIGITS.exec(match[10])?.[1];
      if (code && config.gluedPrefixes.has(code)) {
        // "USD7.25": the code, then the number read on its own
        push('word', position, position + code.length);
        position += code.length;
        continue;
      }
      const cal = readCalendarWord(match[10]);
      push(cal ? 'cal' : 'word', position, end, cal ? { cal } : undefined);
    } else {
      push('sym', position, end);
    }
    position = end;
  }
  return tokens;
}
