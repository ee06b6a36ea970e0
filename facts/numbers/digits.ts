import type { Lang } from '../schema/index.ts';

/** A number read from digits, exactly as written. */
export interface DigitValue {
  value: number;
  /** Precision shown as a power of ten: "2,60" → -2, "270" → 1. */
  precExp: number;
  /** No sign, no separator, no decimals: a candidate year or day of month. */
  plain: boolean;
  isInteger: boolean;
  /** Written as a fraction ("3/4", "2 1/4"). */
  fraction: boolean;
}

/** Multiplies by a power of ten without binary drift: shift(9.7, 9) is exactly 9700000000. */
export function shift(value: number, exp: number): number {
  if (exp === 0) return value;
  const text = String(value);
  const e = text.indexOf('e');
  return e < 0 ? Number(`${text}e${exp}`) : Number(`${text.slice(0, e)}e${Number(text.slice(e + 1)) + exp}`);
}

/** Trailing zeros of an integer written in digits: they are not significant ("270" is known to the ten). */
export function trailingZeros(digits: string): number {
  let count = 0;
  for (let i = digits.length - 1; i > 0 && digits.charCodeAt(i) === 48; i--) count++;
  return count;
}

const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+$/;
const SEPARATORS_FR = /[.\s]/g;
const SEPARATORS_EN = /[,\s]/g;
const ALL_DIGITS = /^\d+$/;

/** Splits a written number into integer and decimal digits by the separators of its language. */
function splitDecimal(body: string, lang: Lang): [string, string] {
  if (lang === 'fr') {
    const comma = body.indexOf(',');
    if (comma >= 0) return [body.slice(0, comma).replace(SEPARATORS_FR, ''), body.slice(comma + 1)];
    if (DOT_GROUPS.test(body)) return [body.replace(SEPARATORS_FR, ''), ''];
    const dot = body.indexOf('.');
    return dot >= 0
      ? [body.slice(0, dot).replace(/\s/g, ''), body.slice(dot + 1)]
      : [body.replace(/\s/g, ''), ''];
  }
  const dot = body.lastIndexOf('.');
  if (dot >= 0) return [body.slice(0, dot).replace(SEPARATORS_EN, ''), body.slice(dot + 1)];
  if (COMMA_GROUPS.test(body)) return [body.replace(SEPARATORS_EN, ''), ''];
  const comma = body.indexOf(',');
  return comma >= 0
    ? [body.slice(0, comma).replace(/\s/g, ''), body.slice(comma + 1)]
    : [body.replace(/\s/g, ''), ''];
}

/** Reads a number token ("-9,2321312", "1 234 567", "12.32e+14") by the conventions of its language. */
export function readDigits(raw: string, lang: Lang): DigitValue {
  let body = raw;
  let sign = '';
  const first = body.charCodeAt(0);
  if (first === 43 || first === 45 || first === 0x2212) {
    sign = first === 43 ? '' : '-';
    body = body.slice(1);
  }
  let exp = 0;
  const e = body.search(/[eE]/);
  if (e >= 0) {
    exp = Number(body.slice(e + 1));
    body = body.slice(0, e);
  }
  const [whole, decimals] = splitDecimal(body, lang);
  const integer = whole === '' ? '0' : whole;
  const value = Number(`${sign}${integer}${decimals ? `.${decimals}` : ''}e${exp}`);
  return {
    value,
    precExp: decimals ? exp - decimals.length : exp + trailingZeros(integer),
    plain: ALL_DIGITS.test(raw),
    isInteger: !decimals && exp >= 0,
    fraction: false,
  };
}
