import type { Lang } from '../schema/index.ts';
import { tokenize } from './normalize.ts';
import { stemEn } from './stem-en.ts';
import { stemFr } from './stem-fr.ts';
import { isStopWord } from './stopwords.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';

/** A folded word in one language: its stem, whether it is a stop word, whether a synonym phrase may open on it. */
export interface WordFacts {
  readonly surface: string;
  readonly stem: string;
  readonly stop: boolean;
  readonly opens: boolean;
}

/** Word facts already computed, per language: texts repeat their words, and all of it is pure. */
const KNOWN: Record<Lang, Map<string, WordFacts>> = { fr: new Map(), en: new Map() };
const KNOWN_MAX = 20_000;
/** Longer words are rare and would let a hostile text fill the cache with large keys. */
const KNOWN_LENGTH = 40;

const stemIn = (word: string, lang: Lang): string => (lang === 'fr' ? stemFr(word) : stemEn(word));

/** The facts of a folded word in a language (see `WordFacts`). */
export function factsOf(word: string, lang: Lang): WordFacts {
  const known = KNOWN[lang];
  let facts = known.get(word);
  if (facts) return facts;
  const stem = stemIn(word, lang);
  const stop = isStopWord(word, lang);
  const opens = BY_SURFACE.has(word) || (!stop && BY_STEM[lang].has(stem));
  facts = { surface: word, stem, stop, opens };
  if (word.length <= KNOWN_LENGTH) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(word, facts);
  }
  return facts;
}

/** Stems a folded word with the stemmer of its language. */
export const stemWord = (word: string, lang: Lang): string => factsOf(word, lang).stem;

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

/** Entries by their first word: as written (any language), and by stem within their language. */
const BY_SURFACE = new Map<string, Entry[]>();
const BY_STEM: Record<Lang, Map<string, Entry[]>> = { fr: new Map(), en: new Map() };
const NO_ENTRIES: readonly Entry[] = [];

for (const group of SYNONYM_GROUPS) {
  for (const lang of ['fr', 'en'] as const) {
    for (const term of group[lang]) {
      const words = tokenize(term).map(({ surface }) => ({ surface, stem: stemIn(surface, lang) }));
      const first = words[0];
      if (!first) continue;
      const entry = { lang, words, concept: group.concept };
      addEntry(BY_SURFACE, first.surface, entry);
      if (first.stem !== first.surface) addEntry(BY_STEM[lang], first.stem, entry);
    }
  }
}

function addEntry(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const entries = map.get(key);
  if (entries) entries.push(entry);
  else map.set(key, [entry]);
}

/** Whether a concept is one the bot covers (loss, deal, ETF inflows…) rather than an intent, unit or period. */
export const isTopicalConcept = (concept: string): boolean => TOPICAL.has(concept);

/** Whether a concept belongs to this domain alone (bitcoin, ETF, stablecoin), unlike a loss or a deal. */
export const isDomainConcept = (concept: string): boolean => DOMAIN.has(concept);

/** Whether an entry's words stand, in order, from word `at` of the text. */
function entryFits(entry: Entry, words: readonly WordFacts[], at: number, lang: Lang): boolean {
  if (at + entry.words.length > words.length) return false;
  for (let j = 0; j < entry.words.length; j++) {
    const expected = entry.words[j]!;
    const word = words[at + j]!;
    if (expected.surface === word.surface) continue;
    if (entry.lang !== lang || expected.stem !== word.stem) return false;
  }
  return true;
}

/**
 * Finds the synonym phrases in a run of words (as `factsOf` gives them in `lang`), longest first (`chiffre
 * d'affaires` is revenue, not a figure; `stop-loss` is not a loss), and calls `visit` with where each starts, how
 * many words it spans and its concepts.
 */
export function visitConcepts(
  words: readonly WordFacts[],
  lang: Lang,
  visit: (at: number, length: number, concepts: readonly string[]) => void,
): void {
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    if (!word.opens) {
      i++;
      continue;
    }
    // A stop word only opens a phrase of its own language, written out (`how much`, `combien`), never by its stem.
    const bySurface = BY_SURFACE.get(word.surface) ?? NO_ENTRIES;
    const byStem = word.stop ? NO_ENTRIES : (BY_STEM[lang].get(word.stem) ?? NO_ENTRIES);
    let best = 0;
    let concepts: string[] = [];
    for (const candidates of [bySurface, byStem]) {
      for (const entry of candidates) {
        if (word.stop && entry.lang !== lang) continue;
        const length = entry.words.length;
        if (length < best || !entryFits(entry, words, i, lang)) continue;
        if (length > best) concepts = [];
        best = length;
        if (!concepts.includes(entry.concept)) concepts.push(entry.concept);
      }
    }
    if (best > 0) visit(i, best, concepts);
    i += Math.max(best, 1);
  }
}
