import type { NumberMention } from '../numbers/index.ts';
import type { Fact, Lang, Measure, QuantityValue } from '../schema/index.ts';
import { periodInterval, periodsAgree } from './calendar.ts';
import type { MentionClaim, PeriodClaim } from './claims.ts';
import { isBaseRole, isMainRole, type StoredDirections } from './direction.ts';
import type { CheckReason } from './types.ts';

/** Why a value that holds the right number still does not back the claim, or undefined when it does. */
export type ClaimMiss = Extract<
  CheckReason,
  'measureMismatch' | 'directionContradiction' | 'roleMismatch' | 'periodMismatch'
>;

export interface ClaimJudge {
  measures: ReadonlyMap<string, Measure>;
  directions: StoredDirections;
  lang: Lang;
}

/**
 * The number is given as this value's measure: no cue of another one attached, or one of its own. Cues of measures
 * that never take the number's unit say nothing of it ("public entities control 17 %": a count's word, a percentage).
 */
function measureHolds(judge: ClaimJudge, claim: MentionClaim, unit: string, value: QuantityValue): boolean {
  if (!value.measure) return true;
  const measure = judge.measures.get(value.measure);
  const cues = claim.cues
    .map((tags) => tags.filter((id) => judge.measures.get(id)?.units.includes(unit as QuantityValue['unit'])))
    .filter((tags) => tags.length);
  if (!cues.length) return true;
  if (cues.some((tags) => tags.includes(value.measure!))) return true;
  // "Le marché attendait 0,02 dollar": words before an expectation say who expected, not what the number is.
  if (claim.role === 'expected' && !claim.head) return true;
  // A change is said by its direction: "grew by 159 107 BTC" needs no other word.
  return !claim.head && Boolean(measure?.change) && claim.directions.length > 0;
}

/** The direction the text gives the number: its sign, else the nearest direction word that is not this measure's own verb ("lost" a loss). */
function writtenDirection(claim: MentionClaim, value: QuantityValue) {
  // A result against its forecast is said with beat/missed whatever the measure.
  const surprise = value.role === 'actual' || value.role === 'expected';
  return (
    claim.sign ??
    claim.directions.find(
      (word) =>
        (!word.measure || word.measure === value.measure || surprise) &&
        !word.cueOf.includes(value.measure ?? ''),
    )?.dir
  );
}

function roleHolds(claim: MentionClaim, value: QuantityValue, measure: Measure | undefined): boolean {
  if (!claim.role || measure?.change) return true;
  switch (claim.role) {
    case 'expected':
      return value.role === 'expected';
    case 'previous':
      return value.role === 'previous' || value.role === 'from';
    case 'base':
      return value.role === undefined || isBaseRole(value.role);
    case 'main':
      return value.role === undefined || isMainRole(value.role);
  }
}

const days = (period: string) => {
  const interval = periodInterval(period);
  return interval ? interval[1] - interval[0] + 1 : undefined;
};

function periodHolds(claim: PeriodClaim, fact: Fact, value: QuantityValue): boolean {
  if (!value.period) return true;
  switch (claim.kind) {
    case 'calendar':
      return periodsAgree(claim.period, value.period);
    case 'relativeYear':
      return periodsAgree(String(Number(fact.asOf.slice(0, 4)) + claim.offset), value.period);
    case 'window': {
      const length = days(value.period);
      return !length || Math.max(length, claim.days) / Math.min(length, claim.days) <= 2.5;
    }
  }
}

/** The first thing the claim around a number gets wrong about a value holding that number. */
export function claimMiss(
  judge: ClaimJudge,
  claim: MentionClaim,
  mention: NumberMention,
  fact: Fact,
  value: QuantityValue,
): ClaimMiss | undefined {
  const measure = value.measure ? judge.measures.get(value.measure) : undefined;
  if (!measureHolds(judge, claim, mention.unit, value)) return 'measureMismatch';
  const written = writtenDirection(claim, value);
  if (written) {
    const stored = judge.directions.of(fact, value, judge.lang);
    if (stored && stored !== written) return 'directionContradiction';
  }
  if (!roleHolds(claim, value, measure)) return 'roleMismatch';
  if (claim.periods.some((period) => !periodHolds(period, fact, value))) return 'periodMismatch';
  return undefined;
}
