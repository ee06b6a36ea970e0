import { foldText } from '../search/index.ts';

/** A word of the source with where it stands; `word` drops an elided article (l’Ohio) and a possessive (Galaxy’s). */
export interface Word {
  word: string;
  start: number;
  end: number;
  possessive: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;
const ELISION = /^(?:[ldjmnstc]|qu)['’](?=\p{L})/iu;
const POSSESSIVE = /['’]s?$/u;

/** The words of a text, in order, with their offsets. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    let word = match[0].replace(/[.-]+$/u, '');
    let start = match.index;
    const elided = ELISION.exec(word);
    if (elided) {
      word = word.slice(elided[0].length);
      start += elided[0].length;
    }
    const possessive = POSSESSIVE.test(word) && word.length > 2;
    if (possessive) word = word.replace(POSSESSIVE, '');
    if (word) words.push({ word, start, end: start + word.length, possessive });
  }
  return words;
}

/** A slug for an id: folded words joined by hyphens (`Jihan Wu` → `jihan-wu`). */
export const slugOf = (name: string): string =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');

/** camelCase of some words (`adjusted EBITDA` → `adjustedEbitda`), for a proposed measure or a value key. */
export function camelOf(words: readonly string[]): string {
  const parts = words.map((word) => foldText(word).replace(/[^a-z0-9]/g, '')).filter(Boolean);
  const joined = parts.map((part, index) => (index ? part[0]!.toUpperCase() + part.slice(1) : part)).join('');
  const key = /^[a-z]/.test(joined) ? joined : `value${joined}`;
  return key.slice(0, 36);
}
