import type { Token } from './tokenize.ts';

interface Phrase<T> {
  parts: readonly string[];
  value: T;
}

/** A match of a phrase at a token: its value and the index of the first token after it. */
export interface PhraseMatch<T> {
  value: T;
  next: number;
}

/** Multi-word phrases ("points de pourcentage", "more than") looked up by their first folded token, longest first. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();

  /** `exact`: compare the written text, not the folded form ("A$" is a currency, "a $" is not). */
  constructor(private readonly exact = false) {}

  add(parts: readonly string[], value: T): void {
    if (parts.length === 0) return;
    const list = this.byFirst.get(parts[0]!) ?? [];
    list.push({ parts, value });
    list.sort((a, b) => b.parts.length - a.parts.length);
    this.byFirst.set(parts[0]!, list);
  }

  /** The longest phrase starting at token `index`, if any. */
  match(tokens: readonly Token[], index: number): PhraseMatch<T> | undefined {
    const first = tokens[index];
    if (!first || (first.kind !== 'word' && first.kind !== 'sym')) return undefined;
    const candidates = this.byFirst.get(this.exact ? first.text : first.norm);
    if (!candidates) return undefined;
    for (const phrase of candidates) {
      let k = 1;
      while (k < phrase.parts.length) {
        const token = tokens[index + k];
        if (!token || token.kind === 'num' || (this.exact ? token.text : token.norm) !== phrase.parts[k])
          break;
        k++;
      }
      if (k === phrase.parts.length) return { value: phrase.value, next: index + k };
    }
    return undefined;
  }
}
