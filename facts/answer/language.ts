import type { Lang } from '../schema/index.ts';

/**
 * Function words that one language uses and the other does not (or hardly): "de", "les", "est" are French, "the",
 * "of", "is" English. Words both languages write ("a", "on", "plus", "son", "dollars") are left out, so proper
 * nouns, numbers and shared vocabulary never tip the balance.
 */
const MARKERS: Record<Lang | 'other', string> = {
  fr: `le la les des du de au aux un une et est sont ont été était étaient être avoir avait sera seront
    ce cet cette ces qui que quoi dont où il ils elle elles nous vous leur leurs ses sa mon ma mes notre votre
    pour par avec sans dans sur sous entre chez vers selon depuis pendant après avant contre mais ou donc car
    ne pas plus moins très aussi déjà encore toujours comme lors dont puis ainsi y lui eux même tout tous toute
    toutes quel quelle quels quelles combien quand comment pourquoi cela ceci ça été fait faire hausse baisse
    millions milliards environ près jusqu chacun chacune aucun aucune année années trimestre perte nette
    chiffre affaires action actions fonds accord hausse baisse bondi chuté miné minés détient détenait publié
    annoncé lancé selon je sais aujourd hui`,
  en: `the of and is are was were be been being has have had will would should could can this that these those
    which who whom whose what when where why how it its they them their there we our you your he she his her
    for with without from into onto over under between about after before against but or so than then also
    not no yes very just only still already each every any some all both such while during by at to in up out
    as if do does did done shares share rose fell billion billions million year years quarter reported
    according said says up down percent lost loss net revenue mined holds held worth fund deal launched
    announced i know don`,
  /** Spanish, German, Italian, Portuguese and Dutch words that are neither French nor English: a third voice. */
  other: `el los las del una unos unas y es está están fue han ha pero muy también con para por sus su der die
    das und ist sind hat haben von mit nicht auch ein eine einen dem den zu het een van niet che della delle sono
    non questo uma não com pelo pela você`,
};

const markerSet = (words: string) => new Set(words.split(/\s+/).filter(Boolean));
const WEIGHTS = { fr: markerSet(MARKERS.fr), en: markerSet(MARKERS.en), other: markerSet(MARKERS.other) };

/** French elisions and letters English never writes: `l’`, `d’`, `qu’`, `é`, `ç`, `œ`. */
const FRENCH_ELISION = /(?:^|[^\p{L}])(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu)['’]\p{L}/giu;
const FRENCH_LETTERS = /[éèêëàâçîïôûùœæ]/giu;
/** English contractions and possessives: `it’s`, `don’t`, `Bitfarms’s`, `miners’ `. */
const ENGLISH_CLITIC = /\p{L}['’](?:s|t|re|ve|ll|d)\b|s['’](?=\s)/giu;
const WORD = /[\p{L}]+(?:['’][\p{L}]+)*/gu;

export interface LanguageScores {
  fr: number;
  en: number;
  /** Evidence of some third language (Spanish, German…), which neither reader reads. */
  other: number;
  /** Words read, proper nouns and numbers left out. */
  words: number;
}

/** Counts each language's evidence in a text: marker words, then elisions, accented letters and clitics. */
export function scoreLanguages(text: string): LanguageScores {
  const scores = { fr: 0, en: 0, other: 0, words: 0 };
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    // A capitalised word after the sentence start is most often a name (Bitfarms, Microsoft): no evidence.
    if (/^\p{Lu}/u.test(word) && !opensSentence(text, match.index)) continue;
    scores.words++;
    const lower = word.toLowerCase().replace(/['’].*$/, '');
    if (WEIGHTS.fr.has(lower)) scores.fr++;
    if (WEIGHTS.en.has(lower)) scores.en++;
    if (WEIGHTS.other.has(lower)) scores.other++;
  }
  scores.fr += 0.8 * countOf(text, FRENCH_ELISION) + 0.25 * countOf(text, FRENCH_LETTERS);
  scores.en += 0.8 * countOf(text, ENGLISH_CLITIC);
  return scores;
}

/**
 * The language a text is written in, or undefined when it carries too little evidence of either (a bare figure, a
 * name). The winner must lead clearly; a tie is no answer.
 */
export function identifyLanguage(text: string): Lang | undefined {
  // Quoted words may be another language's (a quote kept in its original wording): the text around them decides.
  const around = unquoted(text);
  return around.trim() === text.trim() ? lean(text) : (lean(around) ?? lean(text));
}

function lean(text: string): Lang | undefined {
  const { fr, en, other } = scoreLanguages(text);
  const leads = (score: number, rivals: number[]) =>
    score >= 1 && rivals.every((rival) => score >= rival * 1.5 && score - rival >= 1);
  if (leads(fr, [en, other])) return 'fr';
  if (leads(en, [fr, other])) return 'en';
  return undefined;
}

/**
 * Whether a reader of `lang` reads this text in `lang`: the whole text leans to it, and no sentence of some length
 * (quotes aside) is plainly in the other language, so an answer that switches language halfway is caught.
 */
export function isWrittenIn(text: string, lang: Lang): boolean {
  if (identifyLanguage(text) !== lang) return false;
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return sentencesOf(unquoted(text)).every((sentence) => {
    const scores = scoreLanguages(sentence);
    return !(scores.words >= 3 && identifyLanguage(sentence) === other);
  });
}

const countOf = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** Whether only spaces, quotes or brackets stand between a word and a sentence end (or the start). */
const opensSentence = (text: string, at: number): boolean =>
  /(?:^|[.!?:;\n…])[\s"«“(]*$/u.test(text.slice(0, at));

const unquoted = (text: string): string => text.replace(/«[^»]*»|“[^”]*”|"[^"]*"/gu, ' ');

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+|\n+/u).filter((s) => s.trim());
