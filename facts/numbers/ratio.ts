import type { Core } from './core.ts';
import type { Lexicon } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import { readCore } from './units.ts';

/** Spoken fractions are rounded statements, like "un tiers". */
const RATIO_PRECISION = 0.01;
/** Beyond this the second number is no denominator ("5 in 2025"). */
const MAX_DENOMINATOR = 1000;

/**
 * "un sur trois", "1 sur 3", "one in five", "one out of three", "1 over 3": a whole number over a larger one is a
 * fraction. The denominator must end the phrase as a bare number: "3 sur 10 ans" is no ratio.
 */
export function readRatio(tokens: readonly Token[], core: Core, lexicon: Lexicon): Core | undefined {
  if (core.fraction || !core.isInteger || core.value < 1 || core.scale !== 'one') return undefined;
  const word = lexicon.ratioWords.match(tokens, core.next);
  if (!word) return undefined;
  const denominator = readCore(tokens, word.next, lexicon);
  if (!denominator?.isInteger || denominator.fraction || denominator.scale !== 'one') return undefined;
  if (denominator.value <= core.value || denominator.value > MAX_DENOMINATOR) return undefined;
  const after = tokens[denominator.next];
  if (after && (lexicon.units.match(tokens, denominator.next) || lexicon.scaleWords.has(after.norm)))
    return undefined;
  return {
    ...core,
    next: denominator.next,
    value: core.value / denominator.value,
    precision: RATIO_PRECISION,
    isInteger: false,
    plain: false,
    fraction: true,
    gate: 'none',
  };
}
