/** Whether the letter at `index` is a consonant in Porter's sense (`y` after a consonant is a vowel). */
function isConsonant(word: string, index: number): boolean {
  const char = word[index];
  if (char === undefined || 'aeiou'.includes(char)) return false;
  if (char === 'y') return index === 0 || !isConsonant(word, index - 1);
  return true;
}

/** Porter's measure: the number of vowel–consonant sequences in a stem. */
function measure(stem: string): number {
  let count = 0;
  let previousVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const vowel = !isConsonant(stem, i);
    if (previousVowel && !vowel) count++;
    previousVowel = vowel;
  }
  return count;
}

const hasVowel = (stem: string): boolean => [...stem].some((_, i) => !isConsonant(stem, i));

/** Ends consonant–vowel–consonant, the last not w, x or y (`hop`, not `snow`). */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 3) return false;
  return (
    isConsonant(stem, n - 3) &&
    !isConsonant(stem, n - 2) &&
    isConsonant(stem, n - 1) &&
    !'wxy'.includes(stem[n - 1]!)
  );
}

/** Repairs a stem after `-ed`/`-ing` is dropped: `predicat` → `predicate`, `stopp` → `stop`, `min` → `mine`. */
function repairStem(stem: string): string {
  if (/(at|bl|iz)$/.test(stem)) return `${stem}e`;
  const last = stem.at(-1)!;
  if (last === stem.at(-2) && isConsonant(stem, stem.length - 1) && !'lsz'.includes(last))
    return stem.slice(0, -1);
  if (measure(stem) === 1 && endsCvc(stem)) return `${stem}e`;
  return stem;
}

/**
 * A light English stemmer: step 1 of Porter's algorithm (plurals, `-ed`, `-ing`, final `-y`), enough to meet
 * `losses`/`loss`, `mined`/`mining`/`mine`, `entities`/`entity`, `holdings`/`hold`. Short words and numbers pass
 * unchanged.
 */
export function stemEn(word: string): string {
  if (word.length <= 2 || /\d/.test(word)) return word;
  let stem = word;
  if (stem.endsWith('sses') || stem.endsWith('ies')) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !stem.endsWith('ss') && !stem.endsWith('us') && stem.length > 3)
    stem = stem.slice(0, -1);
  if (stem.endsWith('eed')) {
    if (measure(stem.slice(0, -3)) > 0) stem = stem.slice(0, -1);
  } else {
    const suffix = stem.endsWith('ed') ? 'ed' : stem.endsWith('ing') ? 'ing' : '';
    const base = stem.slice(0, stem.length - suffix.length);
    if (suffix && hasVowel(base) && base.length > 1) stem = repairStem(base);
  }
  if (stem.endsWith('y') && hasVowel(stem.slice(0, -1))) stem = `${stem.slice(0, -1)}i`;
  return stem;
}
