import type { Qualifier, Scale } from '../schema/index.ts';
import type { MentionUnit } from './types.ts';

/** A mention being built: token span, reading, and what a range partner may still change. */
export interface Draft {
  /** First token of the mention, first token after it, and first token of its qualifier. */
  first: number;
  next: number;
  qualifierFirst: number;
  value: number;
  unit: MentionUnit;
  scale: Scale;
  precision: number;
  qualifier: Qualifier;
  period?: string;
  /** A bare count with no scale, unit or currency: "3" in "de 3 à 5 ans" may take its partner's. */
  bare: boolean;
  /** Read as a year only because it is a plain 1900–2100 number standing alone. */
  yearCandidate: boolean;
  /** Powers of ten the scale and unit applied (shared with a bare partner). */
  scaleExp: number;
  unitExp: number;
}
