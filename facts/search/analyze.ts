import type { FactValue, Lang } from '../schema/index.ts';
import { findConcepts, stemWord } from './concepts.ts';
import { splitCamelCase, tokenize } from './normalize.ts';
import { isStopWord } from './stopwords.ts';

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
  const tokens = tokenize(text).map((token) => ({ ...token, stem: stemWord(token.surface, lang) }));
  const concepts = findConcepts(tokens, lang);
  return tokens.map((token, i) => ({
    ...token,
    stop: isStopWord(token.surface, lang),
    concepts: concepts[i]!,
  }));
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

const SCALE: Record<string, number> = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

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

/** What a value adds to the index: its key's words, its number as published, its unit and period. */
export function valueTerms(value: FactValue): { words: string[]; concepts: string[] } {
  const key = analyzeText(splitCamelCase(value.key), 'en').filter((t) => !t.stop);
  const words = key.map((t) => t.stem);
  const concepts = key.flatMap((t) => t.concepts);
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
