/** What the verifier says of one number: backed by a verified fact, backed by none, or backed by a fact about someone else. */
export type CheckStatus = 'verified' | 'unverified' | 'misattributed';

/** Why: `match`, or the closest miss (`unitMismatch`, `scaleMismatch`, `roundingMismatch`, `periodMismatch`, `noSuchValue`, `otherEntity`, `qualifierContradiction`). */
export type CheckReason =
  | 'match'
  | 'noSuchValue'
  | 'unitMismatch'
  | 'scaleMismatch'
  | 'roundingMismatch'
  | 'periodMismatch'
  | 'qualifierContradiction'
  | 'otherEntity';

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
