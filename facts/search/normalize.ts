/** A word of a text after folding: its folded form and where it stood in the original. */
export interface RawToken {
  surface: string;
  start: number;
  end: number;
}

/** French elided articles and pronouns (`l'`, `d'`, `qu'`…) that carry no meaning before a word. */
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);

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

/**
 * Folds a text for matching (accents, case, apostrophes) and keeps, for each folded character, the index of the
 * original character it came from, so that a match can be reported in the caller's text.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    const out = foldChar(char);
    for (let i = 0; i < out.length; i++) offsets.push(index);
    folded += out;
    index += char.length;
  }
  offsets.push(index);
  return { folded, offsets };
}

/** Folds diacritics, lowercases and plains apostrophes: `Entrées nettes` → `entrees nettes`. */
export function foldText(text: string): string {
  return foldWithOffsets(text).folded;
}

/** Turns `{netLoss}` or `{max:n}` into the words of its key (`net Loss`, `max`), since rendering happens elsewhere. */
export function stripPlaceholders(text: string): string {
  return text.replace(/\{([a-z][a-zA-Z0-9]*)(?::n)?\}/g, (_, key: string) => ` ${splitCamelCase(key)} `);
}

/** `netLossPerShare` → `net Loss Per Share`. */
export function splitCamelCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

const WORD = /[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu;

/**
 * Splits a text into folded words: elisions dropped (`l'IA` → `ia`), English possessives dropped (`Bitdeer's` →
 * `bitdeer`), decimal commas made points (`9,7` → `9.7`). Offsets point into the original text.
 */
export function tokenize(text: string): RawToken[] {
  const { folded, offsets } = foldWithOffsets(text);
  const tokens: RawToken[] = [];
  for (const match of folded.matchAll(WORD)) {
    let cursor = match.index;
    for (const part of splitWord(match[0])) {
      const at = folded.indexOf(part.raw, cursor);
      cursor = at + part.raw.length;
      if (part.keep) tokens.push({ surface: part.word, start: offsets[at]!, end: offsets[cursor]! });
    }
  }
  return tokens;
}

/** Splits a matched word on apostrophes and decides which parts carry meaning. */
function splitWord(word: string): Array<{ raw: string; word: string; keep: boolean }> {
  if (/^\d+(?:[.,]\d+)*$/.test(word)) return [{ raw: word, word: word.replace(/,/g, '.'), keep: true }];
  const parts = word.split(/(?<=['.,])|(?=['.,])/).filter((part) => !/^['.,]$/.test(part));
  return parts.map((part, index) => {
    const elided = index < parts.length - 1 && ELISIONS.has(part);
    const possessive = index > 0 && part === 's';
    return { raw: part, word: part, keep: !elided && !possessive };
  });
}
