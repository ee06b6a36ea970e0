import type { Lang } from '../schema/index.ts';
import { tokenize } from './normalize.ts';
import { stemEn } from './stem-en.ts';
import { stemFr } from './stem-fr.ts';
import { isStopWord } from './stopwords.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';

/** Stems a folded word with the stemmer of its language. */
export const stemWord = (word: string, lang: Lang): string => (lang === 'fr' ? stemFr(word) : stemEn(word));

/** A word once folded and stemmed in the language of the text it came from. */
export interface StemmedWord {
  surface: string;
  stem: string;
}

interface Entry {
  lang: Lang;
  words: StemmedWord[];
  concept: string;
}

const TOPICAL = new Set(SYNONYM_GROUPS.filter((g) => g.kind !== 'hint').map((g) => g.concept));
const DOMAIN = new Set(SYNONYM_GROUPS.filter((g) => g.kind === 'domain').map((g) => g.concept));

/** Entries keyed by their first word: `s:<surface>` for any language, `<lang>:<stem>` within one. */
const ENTRIES: Map<string, Entry[]> = (() => {
  const map = new Map<string, Entry[]>();
  const add = (key: string, entry: Entry) => map.set(key, [...(map.get(key) ?? []), entry]);
  for (const group of SYNONYM_GROUPS) {
    for (const lang of ['fr', 'en'] as const) {
      for (const term of group[lang]) {
        const words = tokenize(term).map(({ surface }) => ({ surface, stem: stemWord(surface, lang) }));
        const first = words[0];
        if (!first) continue;
        const entry = { lang, words, concept: group.concept };
        add(`s:${first.surface}`, entry);
        if (first.stem !== first.surface) add(`${lang}:${first.stem}`, entry);
      }
    }
  }
  return map;
})();

/** Whether a concept is one the bot covers (loss, deal, ETF inflows…) rather than an intent, unit or period. */
export const isTopicalConcept = (concept: string): boolean => TOPICAL.has(concept);

/** Whether a concept belongs to this domain alone (bitcoin, ETF, stablecoin), unlike a loss or a deal. */
export const isDomainConcept = (concept: string): boolean => DOMAIN.has(concept);

const wordMatches = (entryWord: StemmedWord, entryLang: Lang, word: StemmedWord, lang: Lang): boolean =>
  entryWord.surface === word.surface || (entryLang === lang && entryWord.stem === word.stem);

/**
 * Finds the synonym concepts in a run of words, longest phrase first (`chiffre d'affaires` is revenue, not a
 * figure; `stop-loss` is not a loss). Returns, for each word, the concepts it takes part in.
 */
export function findConcepts(words: readonly StemmedWord[], lang: Lang): string[][] {
  const found: string[][] = words.map(() => []);
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    const stop = isStopWord(word.surface, lang);
    // A stop word only opens a phrase of its own language, written out (`how much`, `combien`), never by its stem.
    const byStem = stop ? [] : (ENTRIES.get(`${lang}:${word.stem}`) ?? []);
    const candidates = [...(ENTRIES.get(`s:${word.surface}`) ?? []), ...byStem];
    let best = 0;
    let concepts = new Set<string>();
    for (const entry of candidates) {
      if (stop && entry.lang !== lang) continue;
      const length = entry.words.length;
      const fits = entry.words.every(
        (w, j) => words[i + j] !== undefined && wordMatches(w, entry.lang, words[i + j]!, lang),
      );
      if (!fits || length < best) continue;
      if (length > best) concepts = new Set();
      best = length;
      concepts.add(entry.concept);
    }
    for (let j = 0; j < best; j++) found[i + j]!.push(...concepts);
    i += Math.max(best, 1);
  }
  return found;
}
