import type { NumberMention } from '../numbers/index.ts';
import type { Fact, Lang, QuantityValue } from '../schema/index.ts';
import type { Comparison } from './claims.ts';
import type { StoredDirections } from './direction.ts';

interface Backed {
  status: string;
  value?: QuantityValue;
  fact?: Fact;
}

/** How far a ratio the text states ("close to twice") may be from the stored one. */
const RATIO_TOLERANCE = 0.15;

/**
 * Whether a comparison of two backed numbers holds for their stored values; undefined when it cannot be judged (a
 * side unverified, or two different units). Sizes compare as magnitudes; "outperformed" compares signed moves.
 */
export function comparisonHolds(
  comparison: Comparison,
  verdicts: readonly Backed[],
  mentions: readonly NumberMention[],
  directions: StoredDirections,
  lang: Lang,
): boolean | undefined {
  const left = verdicts[comparison.left];
  const right = verdicts[comparison.right];
  if (left?.status !== 'verified' || right?.status !== 'verified') return undefined;
  if (!left.value || !right.value || left.value.unit !== right.value.unit) return undefined;
  const signed = (backed: Backed, mention: NumberMention) => {
    const size = Math.abs(backed.value!.value);
    const direction = directions.of(backed.fact!, backed.value!, lang) ?? (mention.value < 0 ? 'down' : 'up');
    return direction === 'down' ? -size : size;
  };
  const a = comparison.signed ? signed(left, mentions[comparison.left]!) : Math.abs(left.value.value);
  const b = comparison.signed ? signed(right, mentions[comparison.right]!) : Math.abs(right.value.value);
  if (comparison.ratio !== undefined) {
    if (!b) return false;
    return Math.abs(a / b - comparison.ratio) <= RATIO_TOLERANCE * comparison.ratio;
  }
  return comparison.relation === 'gt' ? a > b : a < b;
}
