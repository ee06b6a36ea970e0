import type { Lexicon } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import type { ScaleSpec } from './types.ts';

/** A scale read after a number, and the first token after it. */
export interface ScaleMatch {
  spec: ScaleSpec;
  next: number;
  /** A word (millions, milliard), after which "de dollars" may follow. */
  word: boolean;
}

const isCurrency = (lexicon: Lexicon, tokens: readonly Token[], index: number) => {
  const unit = lexicon.units.match(tokens, index)?.value.unit;
  return unit === 'USD' || unit === 'EUR';
};

/**
 * Reads a scale at `index`: words (millions, milliards, billion, thousand, mille) or abbreviations with their
 * placement rules (9.7B glued; "46 M$" spaced only before a unit, so "M. Dupont" stays a name).
 */
export function readScale(
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
  hasCurrency: boolean,
): ScaleMatch | undefined {
  const token = tokens[index];
  if (token?.kind !== 'word') return undefined;
  const abbreviation = lexicon.scaleAbbreviations.get(token.text);
  if (abbreviation) {
    const glued = tokens[index - 1]?.end === token.start;
    const placement = abbreviation.placement ?? 'any';
    if (placement === 'adjacent' && !glued) return undefined;
    if (placement === 'unitAfter' && !glued && !lexicon.units.match(tokens, index + 1)) return undefined;
    if (abbreviation.currency && !hasCurrency && !isCurrency(lexicon, tokens, index + 1)) return undefined;
    return { spec: abbreviation, next: index + 1, word: false };
  }
  const word = lexicon.scaleWords.get(token.norm);
  return word ? { spec: word, next: index + 1, word: word.exp >= 6 } : undefined;
}
