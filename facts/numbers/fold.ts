/** Elided French words and the full word they stand for, so "d’euros" matches "de euros" phrases. */
const ELIDED: Record<string, string> = {
  "d'": 'de',
  "qu'": 'que',
  "jusqu'": 'jusque',
  "presqu'": 'presque',
  "lorsqu'": 'lorsque',
};

const cache = new Map<string, string>();
const MARKS = /\p{M}/gu;

/**
 * The form words are matched in: lower case, straight apostrophe, no accents — except "à", which must stay apart
 * from the verb "a". Cached: briefings reuse a small vocabulary.
 */
export function fold(word: string): string {
  let folded = cache.get(word);
  if (folded !== undefined) return folded;
  folded = word.toLowerCase().replace(/’/g, "'");
  if (folded !== 'à') folded = folded.normalize('NFD').replace(MARKS, '');
  folded = ELIDED[folded] ?? folded;
  if (cache.size > 50_000) cache.clear();
  cache.set(word, folded);
  return folded;
}
