/**
 * Derivational endings a light French stemmer folds, longest first (after the plural is dropped), in the spirit of
 * Savoy's light stemmer: feminine forms meet their masculine, adverbs and -ment nouns their root.
 */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, replacement: string, minLength: number]> = [
  ['issement', 'ir', 10],
  ['issant', 'ir', 8],
  ['ement', 'e', 7],
  ['ienne', 'ien', 6],
  ['euse', 'eux', 6],
  ['rice', 'eur', 7],
  ['elle', 'el', 6],
  ['ere', 'er', 5],
  ['ive', 'if', 5],
  ['ee', 'e', 4],
];

/**
 * A light French stemmer for folded, lowercased words (no accents): drops plurals (`pertes` → `pert`, `fiscaux` →
 * `fiscal`), feminine and participle endings (`adoptée`, `adopté`, `adopter` → `adopt`) and a final doubled letter.
 * Short words and numbers are returned unchanged.
 */
export function stemFr(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stem = word;
  if (stem.endsWith('aux') && stem.length > 5) stem = `${stem.slice(0, -3)}al`;
  else if (/[sx]$/.test(stem) && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  for (const [suffix, replacement, minLength] of SUFFIXES) {
    if (stem.length >= minLength && stem.endsWith(suffix)) {
      stem = stem.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  return normalizeEnding(stem);
}

/** Drops an infinitive `-er` or a final mute `-e`, then a doubled final consonant (`nett` → `net`). */
function normalizeEnding(stem: string): string {
  let out = stem;
  if (out.length > 4 && out.endsWith('er')) out = out.slice(0, -2);
  else if (out.length > 3 && out.endsWith('e')) out = out.slice(0, -1);
  const last = out.at(-1);
  if (out.length > 3 && last === out.at(-2) && last !== undefined && /[a-z]/.test(last))
    out = out.slice(0, -1);
  return out;
}
