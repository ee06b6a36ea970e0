/**
 * Text as the tokenizer reads it: decimal digits of every script as ASCII digits, full-width forms as ASCII, the
 * Unicode minus as "-", vulgar fractions as "1/2", zero-width characters removed. Each character of the normalized
 * text remembers the span of the original it came from, so mentions still point into what was written.
 */
export interface Normalized {
  text: string;
  /** Original offset where normalized character i starts, and where it ends (exclusive); undefined if unchanged. */
  from?: Int32Array;
  to?: Int32Array;
}

/** Characters that need rewriting; plain ASCII digits and ordinary letters go through the fast path. */
const NEEDS_WORK =
  /[\u00AD\u00BC-\u00BE\u200B-\u200D\u2060\uFEFF\u2212\u2044\u2150-\u215E\u3000\uFF01-\uFF5E]|(?![0-9])\p{Nd}/u;
const ZERO_WIDTH = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/;
const ND = /^\p{Nd}$/u;

/** Vulgar fractions as a numerator and denominator. */
const FRACTIONS: Record<string, string> = {
  '½': '1/2',
  '⅓': '1/3',
  '⅔': '2/3',
  '¼': '1/4',
  '¾': '3/4',
  '⅕': '1/5',
  '⅖': '2/5',
  '⅗': '3/5',
  '⅘': '4/5',
  '⅙': '1/6',
  '⅚': '5/6',
  '⅐': '1/7',
  '⅛': '1/8',
  '⅜': '3/8',
  '⅝': '5/8',
  '⅞': '7/8',
  '⅑': '1/9',
  '⅒': '1/10',
};

const digitCache = new Map<number, number>();

/**
 * The value of a decimal digit of any script. Unicode assigns every Nd digit in runs of ten, 0 to 9 in order, so
 * the digit is its distance from the start of its contiguous Nd region, modulo ten.
 */
export function digitValue(codePoint: number): number {
  let value = digitCache.get(codePoint);
  if (value !== undefined) return value;
  let start = codePoint;
  while (ND.test(String.fromCodePoint(start - 1))) start--;
  value = (codePoint - start) % 10;
  digitCache.set(codePoint, value);
  return value;
}

/** What one original character becomes. */
function rewrite(char: string, codePoint: number, previous: string): string {
  if (ZERO_WIDTH.test(char)) return '';
  if (codePoint === 0x2212) return '-';
  if (codePoint === 0x2044) return '/';
  if (codePoint === 0x3000) return ' ';
  if (codePoint >= 0xff01 && codePoint <= 0xff5e) {
    // full-width forms of ASCII: digits, "，", "．", "％", "＄", letters of unit codes ("ＭＷ")
    return String.fromCharCode(codePoint - 0xfee0);
  }
  const fraction = FRACTIONS[char];
  // "2½" is two and a half, read as "2 1/2 "; the spaces keep the expansion one token, so no mention can start or
  // end inside the one character it came from
  if (fraction) return `${previous === '' || /\s/.test(previous) ? '' : ' '}${fraction} `;
  if (ND.test(char)) return String(digitValue(codePoint));
  return char;
}

/** The normalized text and, when anything changed, the map back to the original offsets. */
export function normalize(original: string): Normalized {
  if (!NEEDS_WORK.test(original)) return { text: original };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of original) {
    const codePoint = char.codePointAt(0)!;
    const replaced = rewrite(char, codePoint, text[text.length - 1] ?? '');
    for (let k = 0; k < replaced.length; k++) {
      from.push(offset);
      to.push(offset + char.length);
    }
    text += replaced;
    offset += char.length;
  }
  return { text, from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** The original span of normalized characters [start, end). */
export function originalSpan(normalized: Normalized, start: number, end: number): [number, number] {
  if (!normalized.from || !normalized.to) return [start, end];
  return [normalized.from[start]!, normalized.to[end - 1]!];
}
