import { foldIndexed, foldText } from './fold.ts';

export { type FoldedText, foldIndexed, foldText, foldWithOffsets } from './fold.ts';

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

const PLACEHOLDER = /\{([a-z][a-zA-Z0-9]*)(?::n)?\}/g;
const CAMEL_HUMP = /([a-z0-9])([A-Z])/g;

/** Turns `{netLoss}` or `{max:n}` into the words of its key (`net Loss`, `max`), since rendering happens elsewhere. */
export function stripPlaceholders(text: string): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (_, key: string) => ` ${splitCamelCase(key)} `);
}

/** `netLossPerShare` → `net Loss Per Share`. */
export function splitCamelCase(key: string): string {
  return key.replace(CAMEL_HUMP, '$1 $2');
}

const WORD = /[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu;
const JOINERS = /['.,]/;

/**
 * Calls `visit` with each meaningful word of a folded text and where it stands in it (end exclusive): elisions
 * dropped (`l'IA` → `ia`), English possessives dropped (`Bitdeer's` → `bitdeer`), decimal commas made points. A
 * word is letters and digits, joined by single apostrophes, points or commas.
 */
function eachWord(folded: string, visit: (word: string, at: number, end: number) => void): void {
  WORD.lastIndex = 0;
  for (let match = WORD.exec(folded); match !== null; match = WORD.exec(folded)) {
    const word = match[0];
    // Most words hold no apostrophe, point or comma: they are kept whole.
    if (!JOINERS.test(word)) {
      visit(word, match.index, match.index + word.length);
      continue;
    }
    let cursor = match.index;
    for (const part of splitWord(word)) {
      const at = folded.indexOf(part.raw, cursor);
      cursor = at + part.raw.length;
      if (part.keep) visit(part.word, at, cursor);
    }
  }
}

/**
 * Splits a text into folded words: elisions dropped (`l'IA` → `ia`), English possessives dropped (`Bitdeer's` →
 * `bitdeer`), decimal commas made points (`9,7` → `9.7`). Offsets point into the original text.
 */
export function tokenize(text: string): RawToken[] {
  const { folded, offsets } = foldIndexed(text);
  const tokens: RawToken[] = [];
  eachWord(folded, (surface, at, end) =>
    tokens.push(
      offsets === null ? { surface, start: at, end } : { surface, start: offsets[at]!, end: offsets[end]! },
    ),
  );
  return tokens;
}

/** What stands between words: neither a letter, a digit, nor an apostrophe, point or comma that may join two. */
const BETWEEN_WORDS = /[^\p{L}\p{N}'.,]+/u;

/** The folded words of a text, as `tokenize` splits them, when where they stand does not matter. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  // Native splitting does the bulk: most stretches between separators are one word, with no joiner to look at.
  for (const stretch of foldText(text).split(BETWEEN_WORDS)) {
    if (!stretch) continue;
    if (!JOINERS.test(stretch)) words.push(stretch);
    else eachWord(stretch, (word) => words.push(word));
  }
  return words;
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
