import { extractNumbers, type NumberMention } from '../numbers/index.ts';
import type { Entity, Fact, Lang } from '../schema/index.ts';
import { Attribution } from './attribution.ts';
import { splitSentences } from './clauses.ts';
import { compareWithValue, nearer } from './match.ts';
import type { CheckedNumber, CheckReason, VerifyReport } from './types.ts';

export interface Verifier {
  /** Checks every number of a text; with `factIds`, only those facts may back them (the facts it was written from). */
  verify(text: string, lang: Lang, factIds?: readonly string[]): VerifyReport;
}

interface Verdict {
  status: CheckedNumber['status'];
  factId: string | null;
  reason: CheckReason;
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

/** Builds a verifier over the verified facts of a store and its entity registry. */
export function createVerifier(
  facts: readonly Fact[],
  entities: readonly Entity[],
  extract: Extractor = extractNumbers,
): Verifier {
  const verified = facts.filter((fact) => fact.status === 'verified');
  const byId = new Map(verified.map((fact) => [fact.id, fact]));
  const attribution = new Attribution(entities);

  const judge = (mention: NumberMention, pool: readonly Fact[], named: readonly string[]): Verdict => {
    const backing = pool.filter((fact) =>
      fact.values.some((value) => compareWithValue(mention, value) === 'match'),
    );
    if (backing.length === 0) return nearestMiss(mention, pool);
    if (named.length === 0) return { status: 'verified', factId: backing[0]!.id, reason: 'match' };
    const faithful = backing.find((fact) => named.every((id) => attribution.accountsFor(fact, id)));
    if (faithful) return { status: 'verified', factId: faithful.id, reason: 'match' };
    return { status: 'misattributed', factId: backing[0]!.id, reason: 'otherEntity' };
  };

  return {
    verify(text, lang, factIds) {
      const pool = factIds
        ? factIds.map((id) => byId.get(id)).filter((fact): fact is Fact => Boolean(fact))
        : verified;
      const mentions = extract(text, lang);
      const named = mentions.length ? attribution.named(text) : [];
      const sentences = splitSentences(text, lang);
      const numbers = mentions.map((mention): CheckedNumber => {
        const sentence = sentences.find((span) => mention.start >= span.start && mention.start < span.end);
        const clause = sentence?.clauses.find(
          (span) => mention.start >= span.start && mention.start < span.end,
        );
        const inClause = clause ? Attribution.within(named, clause) : [];
        const subjects = inClause.length || !sentence ? inClause : Attribution.within(named, sentence);
        const verdict = judge(mention, pool, subjects);
        return {
          text: mention.text,
          start: mention.start,
          end: mention.end,
          value: mention.value,
          unit: mention.unit,
          ...(mention.period ? { period: mention.period } : {}),
          ...verdict,
        };
      });
      return { ok: numbers.every((number) => number.status === 'verified'), numbers };
    },
  };
}
