import { loadMeasures } from '../measures/index.ts';
import { entityNumberNames, extractNumbers, type NumberMention } from '../numbers/index.ts';
import type { Entity, Fact, Lang, Measure, QuantityValue } from '../schema/index.ts';
import { SCALE_FACTOR } from '../schema/index.ts';
import { Attribution } from './attribution.ts';
import { bareClaims, type MentionClaim, readClaims } from './claims.ts';
import { splitSentences } from './clauses.ts';
import { comparisonHolds } from './compare.ts';
import { StoredDirections } from './direction.ts';
import { type ClaimJudge, claimMiss } from './judge.ts';
import { claimLexicon } from './lexicon.ts';
import { compareWithValue, isCalendar, nearer } from './match.ts';
import type { Subject } from './subjects.ts';
import { subjectsOf } from './subjects.ts';
import type { CheckedNumber, CheckReason, VerifyReport } from './types.ts';

export interface Verifier {
  /** Checks every number of a text; with `factIds`, only those facts may back them (the facts it was written from). */
  verify(text: string, lang: Lang, factIds?: readonly string[]): VerifyReport;
}

interface Verdict {
  status: CheckedNumber['status'];
  factId: string | null;
  reason: CheckReason;
  value?: QuantityValue;
  fact?: Fact;
  /** The unit the number was read in, its own or the one the context gave it ("en détenait 1 827"). */
  unit?: NumberMention['unit'];
}

/** The nearest miss among facts, for a number no fact backs. */
function nearestMiss(mention: NumberMention, facts: readonly Fact[]): Verdict {
  let reason: CheckReason = 'noSuchValue';
  let factId: string | null = null;
  for (const fact of facts) {
    for (const value of fact.values) {
      const candidate = compareWithValue(mention, value);
      if (nearer(candidate, reason) !== reason) {
        reason = candidate;
        factId = fact.id;
      }
    }
  }
  return { status: 'unverified', factId, reason };
}

/** Finds the numbers of a text; our extractor, or another one for comparison (the benchmark's baseline). */
export type Extractor = (text: string, lang: Lang) => NumberMention[];

/** The same number read in another unit and scale, for a number whose unit the context supplies. */
function readAs(
  mention: NumberMention,
  unit: NumberMention['unit'],
  scale?: NumberMention['scale'],
): NumberMention {
  if (!scale || mention.scale !== 'one' || scale === 'one' || Math.abs(mention.value) >= 1000)
    return { ...mention, unit };
  const factor = SCALE_FACTOR[scale];
  return { ...mention, unit, scale, value: mention.value * factor, precision: mention.precision * factor };
}

const CURRENCIES = ['USD', 'EUR'] as const;

/** "The cost to mine one bitcoin was $48,200": a spelled "one" beside a price is what the price is for, not a figure. */
function isDenominator(
  mention: NumberMention,
  index: number,
  mentions: readonly NumberMention[],
  claims: readonly MentionClaim[],
): boolean {
  if (mention.value !== 1 || /\d/.test(mention.text) || !/^(?:one|un|une|a|an)\s/iu.test(mention.text))
    return false;
  const clause = claims[index]!.clause;
  return mentions.some(
    (other, k) =>
      k !== index &&
      (other.unit === 'USD' || other.unit === 'EUR') &&
      other.start >= clause.start &&
      other.end <= clause.end,
  );
}

export interface VerifierOptions {
  /** Another extractor than ours (the benchmark's Recognizers-Text baseline). */
  extract?: Extractor;
  /** The measure registry; the embedded one by default. */
  measures?: readonly Measure[];
  /** Read the claim around each number (default true); off, only numbers, units, periods and entities are checked. */
  claims?: boolean;
}

/** Builds a verifier over the verified facts of a store, its entity registry and its measure registry. */
export function createVerifier(
  facts: readonly Fact[],
  entities: readonly Entity[],
  options: VerifierOptions = {},
): Verifier {
  const { extract, measures = loadMeasures(), claims: readingClaims = true } = options;
  const verified = facts.filter((fact) => fact.status === 'verified');
  const byId = new Map(verified.map((fact) => [fact.id, fact]));
  const attribution = new Attribution(entities);
  const names = entityNumberNames(entities);
  const read: Extractor = extract ?? ((text, lang) => extractNumbers(text, lang, { names }));
  const measureMap = new Map(measures.map((measure) => [measure.id, measure]));
  const lexicons = new Map<Lang, ReturnType<typeof claimLexicon>>();
  const lexiconOf = (lang: Lang) => {
    let lexicon = lexicons.get(lang);
    if (!lexicon) {
      lexicon = claimLexicon(lang, measures);
      lexicons.set(lang, lexicon);
    }
    return lexicon;
  };
  const directions = new StoredDirections(measureMap, lexiconOf);

  const accounts = (fact: Fact, subject: Subject | undefined) =>
    !subject ||
    (subject.mode === 'all'
      ? subject.ids.every((id) => attribution.accountsFor(fact, id))
      : subject.ids.some((id) => attribution.accountsFor(fact, id)));

  // Values by unit: only a value of the number's unit can match it.
  const byUnit = (pool: readonly Fact[]) => {
    const index = new Map<string, Array<{ fact: Fact; value: QuantityValue }>>();
    for (const fact of pool)
      for (const value of fact.values)
        if (value.kind === 'quantity') {
          const list = index.get(value.unit) ?? [];
          list.push({ fact, value });
          index.set(value.unit, list);
        }
    return index;
  };
  const verifiedByUnit = byUnit(verified);
  let units = verifiedByUnit;

  /** Every value of the pool holding this number. */
  const backers = (mention: NumberMention, _pool: readonly Fact[]) =>
    (units.get(mention.unit) ?? []).flatMap(({ fact, value }) =>
      compareWithValue(mention, value) === 'match' ? [{ fact, value, mention }] : [],
    );

  const judgeQuantity = (
    mention: NumberMention,
    claim: MentionClaim,
    subject: Subject | undefined,
    pool: readonly Fact[],
    judge: ClaimJudge,
    antecedent: { unit: NumberMention['unit']; scale: NumberMention['scale'] } | undefined,
  ): Verdict => {
    let candidates = backers(mention, pool);
    if (mention.unit === 'count') {
      // A number whose unit the context gives: its antecedent's, a currency after a bare scale, or a measure's.
      const readings: NumberMention[] = [];
      if (antecedent) readings.push(readAs(mention, antecedent.unit, antecedent.scale));
      if (mention.scale !== 'one') readings.push(...CURRENCIES.map((unit) => readAs(mention, unit)));
      const implicit = readings.flatMap((reading) => backers(reading, pool));
      const cued = new Set(claim.cues.flat());
      for (const fact of pool)
        for (const value of fact.values)
          if (
            value.kind === 'quantity' &&
            value.measure &&
            cued.has(value.measure) &&
            value.unit !== 'count'
          ) {
            const reading = readAs(mention, value.unit);
            if (compareWithValue(reading, value) === 'match')
              implicit.push({ fact, value, mention: reading });
          }
      candidates = [...candidates, ...implicit];
    }
    if (!candidates.length) return nearestMiss(mention, pool);
    const faithful = candidates.filter(({ fact }) => accounts(fact, subject));
    if (!faithful.length)
      return { status: 'misattributed', factId: candidates[0]!.fact.id, reason: 'otherEntity' };
    let miss: Verdict | undefined;
    for (const candidate of faithful) {
      const value = candidate.value as QuantityValue;
      const wrong = claimMiss(judge, claim, candidate.mention, candidate.fact, value);
      if (!wrong)
        return {
          status: 'verified',
          factId: candidate.fact.id,
          reason: 'match',
          value,
          fact: candidate.fact,
          unit: candidate.mention.unit,
        };
      miss ??= { status: 'unverified', factId: candidate.fact.id, reason: wrong };
    }
    return miss!;
  };

  const judgeCalendar = (
    mention: NumberMention,
    subject: Subject | undefined,
    pool: readonly Fact[],
  ): Verdict => {
    const backing = pool.filter((fact) =>
      fact.values.some((value) => compareWithValue(mention, value) === 'match'),
    );
    if (!backing.length) return nearestMiss(mention, pool);
    const faithful = backing.find((fact) => accounts(fact, subject));
    if (faithful) return { status: 'verified', factId: faithful.id, reason: 'match' };
    return { status: 'misattributed', factId: backing[0]!.id, reason: 'otherEntity' };
  };

  return {
    verify(text, lang, factIds) {
      const pool = factIds
        ? factIds.map((id) => byId.get(id)).filter((fact): fact is Fact => Boolean(fact))
        : verified;
      units = factIds ? byUnit(pool) : verifiedByUnit;
      const mentions = [...read(text, lang)].sort((a, b) => a.start - b.start);
      const sentences = splitSentences(text, lang);
      const lexicon = lexiconOf(lang);
      const named = mentions.length ? attribution.named(text) : [];
      const { claims, comparisons, derived } = readingClaims
        ? readClaims(text, mentions, sentences, lexicon, named)
        : { claims: bareClaims(mentions, sentences, text.length), comparisons: [], derived: [] };
      const subjects = subjectsOf(text, lexicon.anaphor, mentions, claims, sentences, named, comparisons);
      const judge: ClaimJudge = { measures: measureMap, directions, lang };
      const verdicts: Verdict[] = [];
      const readings: Array<
        { mention: NumberMention; near: Parameters<typeof judgeQuantity>[5] } | undefined
      > = [];
      let antecedent:
        | { unit: NumberMention['unit']; scale: NumberMention['scale']; sentence: number }
        | undefined;
      mentions.forEach((mention, index) => {
        const claim = claims[index]!;
        if (isCalendar(mention)) {
          verdicts.push(judgeCalendar(mention, subjects[index], pool));
          return;
        }
        if (isDenominator(mention, index, mentions, claims)) {
          verdicts.push({ status: 'verified', factId: null, reason: 'match' });
          return;
        }
        const near = antecedent && claim.sentence - antecedent.sentence <= 1 ? antecedent : undefined;
        const bounded =
          claim.qualifier && mention.qualifier === 'exact'
            ? { ...mention, qualifier: claim.qualifier }
            : mention;
        // A role from a link binds only within one fact: judged without it first, again below once both sides are known.
        const first = claim.rolePartner === undefined ? claim : { ...claim, role: undefined };
        readings[index] = { mention: bounded, near };
        const verdict = judgeQuantity(bounded, first, subjects[index], pool, judge, near);
        verdicts.push(verdict);
        const unit = verdict.unit ?? mention.unit;
        if (unit !== 'count' && unit !== 'multiple')
          antecedent = { unit, scale: verdict.value?.scale ?? mention.scale, sentence: claim.sentence };
      });
      mentions.forEach((_, index) => {
        const claim = claims[index]!;
        const partner = claim.rolePartner;
        const reading = readings[index];
        if (partner === undefined || !reading || verdicts[index]?.status !== 'verified') return;
        if (verdicts[partner]?.factId !== verdicts[index]!.factId) return;
        const again = judgeQuantity(reading.mention, claim, subjects[index], pool, judge, reading.near);
        if (again.status !== 'verified') verdicts[index] = again;
      });
      for (const comparison of comparisons) {
        const holds = comparisonHolds(comparison, verdicts, mentions, directions, lang);
        if (holds === undefined) continue;
        const involved = [
          comparison.left,
          comparison.right,
          ...(comparison.by === undefined ? [] : [comparison.by]),
        ];
        for (const index of involved) {
          if (holds && index === comparison.by)
            verdicts[index] = { ...verdicts[index]!, status: 'verified', reason: 'match' };
          if (!holds)
            verdicts[index] = { ...verdicts[index]!, status: 'unverified', reason: 'comparisonFalse' };
        }
      }
      const numbers: CheckedNumber[] = mentions.map((mention, index) => {
        const { status, factId, reason } = verdicts[index]!;
        return {
          text: mention.text,
          start: mention.start,
          end: mention.end,
          value: mention.value,
          unit: mention.unit,
          ...(mention.period ? { period: mention.period } : {}),
          status,
          factId,
          reason,
        };
      });
      for (const word of derived)
        numbers.push({
          ...word,
          value: 0,
          unit: 'multiple',
          status: 'unverified',
          factId: null,
          reason: 'noSuchValue',
        });
      numbers.sort((a, b) => a.start - b.start);
      return { ok: numbers.every((number) => number.status === 'verified'), numbers };
    },
  };
}
