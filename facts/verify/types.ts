/** What the verifier says of one number: backed by a verified fact, backed by none, or backed by a fact about someone else. */
export type CheckStatus = 'verified' | 'unverified' | 'misattributed';

/**
 * Why: `match`, or the closest miss (`unitMismatch`, `scaleMismatch`, `roundingMismatch`, `periodMismatch`,
 * `noSuchValue`, `otherEntity`, `qualifierContradiction`), or what the claim around it gets wrong.
 */
export type CheckReason =
  | 'match'
  | 'noSuchValue'
  | 'unitMismatch'
  | 'scaleMismatch'
  | 'roundingMismatch'
  | 'periodMismatch'
  | 'qualifierContradiction'
  | 'otherEntity'
  /** A cue word of another measure, or of the opposite one, stands beside the number ("$46 million of revenue"). */
  | 'measureMismatch'
  /** Rose written for fell, an inflow for an outflow, a beat for a miss. */
  | 'directionContradiction'
  /** The two sides of a pair exchanged: from/to, actual/expected, this year/a year earlier. */
  | 'roleMismatch'
  /** Two true figures compared falsely ("X lost more than Y"). */
  | 'comparisonFalse';

/** One numeric mention of a text and its verdict; the shape of `numbers[]` in every `--jsonl` output. */
export interface CheckedNumber {
  text: string;
  start: number;
  end: number;
  value: number;
  unit: string;
  period?: string;
  status: CheckStatus;
  factId: string | null;
  reason: CheckReason;
}

/** A text is ok when every number in it is verified. */
export interface VerifyReport {
  ok: boolean;
  numbers: CheckedNumber[];
}
