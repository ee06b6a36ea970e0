import type { Lang } from '../schema/index.ts';
import { splitSentences } from '../verify/clauses.ts';

/** A sentence of the source with its clauses, trimmed of surrounding space, and the paragraph it stands in. */
export interface SourceSentence {
  start: number;
  end: number;
  clauses: { start: number; end: number }[];
  paragraph: number;
}

/**
 * The sentences of a source, by the verifier's own splitter (one rule for where a sentence ends, abbreviations
 * included), each trimmed; paragraphs are counted by blank lines, for the source locator.
 */
export function sourceSentences(text: string, lang: Lang): SourceSentence[] {
  const sentences: SourceSentence[] = [];
  let paragraph = 1;
  let scanned = 0;
  for (const sentence of splitSentences(text, lang)) {
    let { start, end } = sentence;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start === end) continue;
    paragraph += (text.slice(scanned, start).match(/\n\s*\n/g) ?? []).length;
    scanned = start;
    const clauses = sentence.clauses
      .map((clause) => ({ start: Math.max(clause.start, start), end: Math.min(clause.end, end) }))
      .filter((clause) => clause.end > clause.start);
    sentences.push({ start, end, clauses: clauses.length ? clauses : [{ start, end }], paragraph });
  }
  return sentences;
}
