import { type FactValue, type Lang, SCALE_FACTOR } from '../schema/index.ts';
import { factsOf, visitConcepts, type WordFacts } from './concepts.ts';
import { splitCamelCase, splitWords, tokenize } from './normalize.ts';

/** A word of a text with everything search needs to know about it. */
export interface AnalyzedToken {
  surface: string;
  stem: string;
  start: number;
  end: number;
  stop: boolean;
  concepts: string[];
}

/** Concepts a text shows by symbols the tokenizer drops. */
const SYMBOL_CONCEPTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/%/, 'percent'],
  [/\$/, 'usd'],
];

/** Splits, folds and stems a text in its language and marks stop words and synonym concepts. */
export function analyzeText(text: string, lang: Lang): AnalyzedToken[] {
  const tokens: AnalyzedToken[] = [];
  const words: WordFacts[] = [];
  for (const { surface, start, end } of tokenize(text)) {
    const word = factsOf(surface, lang);
    words.push(word);
    tokens.push({ surface, start, end, stem: word.stem, stop: word.stop, concepts: [] });
  }
  visitConcepts(words, lang, (at, length, concepts) => {
    for (let j = 0; j < length; j++) tokens[at + j]!.concepts.push(...concepts);
  });
  return tokens;
}

/**
 * What a text adds to a fact's document: the stems of its words but stop words (to `words`) and its synonym
 * concepts (to `concepts`), in text order, as `analyzeText` finds them, without building its tokens.
 */
export function collectTextTerms(text: string, lang: Lang, words: string[], concepts: string[]): void {
  const found = splitWords(text).map((surface) => factsOf(surface, lang));
  let opens = false;
  for (const word of found) {
    if (!word.stop) words.push(word.stem);
    opens ||= word.opens;
  }
  if (opens) visitConcepts(found, lang, (_, __, phrase) => concepts.push(...phrase));
}

/** The concepts a text shows through `%` or `$`. */
export function symbolConcepts(text: string): string[] {
  return SYMBOL_CONCEPTS.filter(([pattern]) => pattern.test(text)).map(([, concept]) => concept);
}

const UNIT_CONCEPTS: Partial<Record<string, readonly string[]>> = {
  USD: ['usd', 'money'],
  EUR: ['money'],
  BTC: ['bitcoin'],
  percent: ['percent'],
  percentagePoint: ['percent'],
  MW: ['power'],
  GW: ['power'],
  years: ['year'],
};

const SCALE: Record<string, number> = SCALE_FACTOR;

/** Period tokens: `2025-Q3` gives the year and the quarter, `2025-07` the year and the month. */
function periodTerms(period: string): { words: string[]; concepts: string[] } {
  const words: string[] = [];
  const concepts: string[] = [];
  for (const point of period.split('/')) {
    const [year, part] = point.split('-');
    if (year) words.push(year);
    if (part?.startsWith('Q')) concepts.push(`q${part.slice(1)}`, 'quarter');
    else if (part?.startsWith('H')) concepts.push(`h${part.slice(1)}`, 'half');
    else if (part) concepts.push(`m${part.slice(0, 2)}`);
    const day = point.split('-')[2];
    if (day) words.push(String(Number(day)));
  }
  return { words, concepts };
}

/** The words and concepts of a value key (`netLoss`: net, loss; ~loss), by key: keys repeat across facts. */
const KEY_TERMS = new Map<string, { words: readonly string[]; concepts: readonly string[] }>();
const KEY_TERMS_MAX = 4096;

function keyTerms(key: string): { words: readonly string[]; concepts: readonly string[] } {
  let terms = KEY_TERMS.get(key);
  if (!terms) {
    const tokens = analyzeText(splitCamelCase(key), 'en').filter((t) => !t.stop);
    terms = { words: tokens.map((t) => t.stem), concepts: tokens.flatMap((t) => t.concepts) };
    if (KEY_TERMS.size >= KEY_TERMS_MAX) KEY_TERMS.clear();
    KEY_TERMS.set(key, terms);
  }
  return terms;
}

/** What a value adds to the index: its key's words, its number as published, its unit and period. */
export function valueTerms(value: FactValue): { words: string[]; concepts: string[] } {
  const key = keyTerms(value.key);
  const words = [...key.words];
  const concepts = [...key.concepts];
  const period = value.kind === 'date' ? value.date : value.period;
  if (period) {
    const terms = periodTerms(period);
    words.push(...terms.words);
    concepts.push(...terms.concepts);
  }
  if (value.kind === 'date') concepts.push('when');
  if (value.kind === 'quantity') {
    const shown = Math.abs(value.value) / (SCALE[value.scale] ?? 1);
    words.push(String(Number(shown.toFixed(value.decimals))));
    concepts.push(...(UNIT_CONCEPTS[value.unit] ?? []));
  }
  return { words, concepts };
}
