/** A folded text; `offsets[i]` is where its i-th character came from, `null` when that is `i` itself. */
export interface FoldedText {
  folded: string;
  offsets: number[] | null;
}

const APOSTROPHES = /[’‘ʼ`´]/;
const DASHES = /[‐‑‒–—―]/;
const SPACES = /[\s\u00a0\u202f]/;

/** Folds one character: diacritics dropped, lowercased, apostrophes, dashes and spaces made plain. */
function foldChar(char: string): string {
  if (APOSTROPHES.test(char)) return "'";
  if (DASHES.test(char)) return '-';
  if (SPACES.test(char)) return ' ';
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `foldChar` of every ASCII character, computed once. */
const ASCII_FOLDS: readonly string[] = Array.from({ length: 128 }, (_, code) =>
  foldChar(String.fromCharCode(code)),
);

/** `foldChar` of the other characters met so far, by code point; bounded, since any text can reach it. */
const otherFolds = new Map<number, string>();
const OTHER_FOLDS_MAX = 8192;

function foldCodePoint(codePoint: number, char: string): string {
  let out = otherFolds.get(codePoint);
  if (out === undefined) {
    out = foldChar(char);
    if (otherFolds.size >= OTHER_FOLDS_MAX) otherFolds.clear();
    otherFolds.set(codePoint, out);
  }
  return out;
}

/** What folds otherwise than by lowering its case: tabs and line breaks, the backquote, anything past ASCII. */
const SPECIAL = /[\t\n\v\f\r`\u0080-\uffff]/g;

/** The folded form of the character (a surrogate pair is one) at `i`, and how many code units it takes. */
function foldAt(text: string, i: number): { out: string; width: number } {
  const code = text.charCodeAt(i);
  if (code < 128) return { out: ASCII_FOLDS[code]!, width: 1 };
  const next = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0;
  if (!(next >= 0xdc00 && next <= 0xdfff)) return { out: foldCodePoint(code, text[i]!), width: 1 };
  const codePoint = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
  return { out: foldCodePoint(codePoint, text.slice(i, i + 2)), width: 2 };
}

/**
 * Folds a text character by character (a surrogate pair is one character) and, once a character folds to other
 * than exactly one, keeps where each folded character came from. Runs of plain ASCII are lowered whole.
 */
export function foldIndexed(text: string): FoldedText {
  SPECIAL.lastIndex = 0;
  let special = SPECIAL.exec(text);
  if (special === null) return { folded: text.toLowerCase(), offsets: null };
  let folded = '';
  let offsets: number[] | null = null;
  let i = 0;
  while (i < text.length) {
    const runEnd = special === null ? text.length : special.index;
    if (runEnd > i) {
      if (offsets !== null) for (let j = i; j < runEnd; j++) offsets.push(j);
      folded += text.slice(i, runEnd).toLowerCase();
      i = runEnd;
      if (special === null) break;
    }
    const { out, width } = foldAt(text, i);
    if (offsets === null && (width !== 1 || out.length !== 1)) {
      offsets = new Array<number>(folded.length);
      for (let j = 0; j < folded.length; j++) offsets[j] = j;
    }
    if (offsets !== null) for (let j = 0; j < out.length; j++) offsets.push(i);
    folded += out;
    i += width;
    SPECIAL.lastIndex = i;
    special = SPECIAL.exec(text);
  }
  if (offsets !== null) offsets.push(text.length);
  return { folded, offsets };
}

/**
 * Folds a text for matching (accents, case, apostrophes) and keeps, for each folded character, the index of the
 * original character it came from, so that a match can be reported in the caller's text.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  const { folded, offsets } = foldIndexed(text);
  return { folded, offsets: offsets ?? Array.from({ length: folded.length + 1 }, (_, i) => i) };
}

/** Folds diacritics, lowercases and plains apostrophes: `Entrées nettes` → `entrees nettes`. */
export function foldText(text: string): string {
  return foldIndexed(text).folded;
}
