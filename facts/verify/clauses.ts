import type { Lang } from '../schema/index.ts';

/** A span of text: a sentence, and the clauses inside it that each carry their own subject. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  clauses: Span[];
}

// A full stop after these is an abbreviation ("Sept. 10", "M. Gagnon"), not the end of a sentence.
const ABBREVIATIONS =
  /(?:^|[\s(])(?:jan|janv|feb|févr|fev|mar|apr|avr|jun|jul|juil|aug|sep|sept|oct|nov|dec|déc|mr|mrs|ms|dr|st|m|mme|mm|inc|corp|co|ltd|vs|etc|no|n°|u\.s|e\.g|i\.e)\.$/i;

const SENTENCE_END = /[.!?…]+["»”’)]*(?=\s+\S)|\n+/g;

// Connectors that start a clause about another subject: "Bitfarms fell, while IREN rose".
const CONNECTORS: Record<Lang, RegExp> = {
  en: /;|\s(?:while|whereas|but|yet|versus|vs\.?|compared with|unlike|contrasted with|in contrast to|as opposed to)\s|,\s(?:and|whereas|however)\s/gi,
  fr: /;|\s(?:tandis que|alors que|mais|contre|face à|comparé à|à la différence de|contrairement à|à l'inverse de|par opposition à|pourtant)\s|,\s(?:et|quand|cependant)\s/gi,
};

function splitAt(text: string, span: Span, pattern: RegExp): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  pattern.lastIndex = 0;
  const inner = text.slice(span.start, span.end);
  for (const match of inner.matchAll(pattern)) {
    const cut = span.start + match.index!;
    if (cut > start) parts.push({ start, end: cut });
    start = cut + match[0].length;
  }
  if (span.end > start) parts.push({ start, end: span.end });
  return parts;
}

/** Sentences of a text, each with its clauses. Offsets index the original text. */
export function splitSentences(text: string, lang: Lang): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index! + match[0].length;
    if (
      match[0][0] === '.' &&
      ABBREVIATIONS.test(text.slice(Math.max(0, match.index! - 8), match.index! + 1))
    )
      continue;
    sentences.push({ start, end, clauses: [] });
    start = end;
  }
  if (start < text.length) sentences.push({ start, end: text.length, clauses: [] });
  for (const sentence of sentences) sentence.clauses = splitAt(text, sentence, CONNECTORS[lang]);
  return sentences;
}
