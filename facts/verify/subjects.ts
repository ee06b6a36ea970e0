import type { NumberMention } from '../numbers/index.ts';
import type { Comparison, MentionClaim } from './claims.ts';
import type { Sentence, Span } from './clauses.ts';
import { fold } from './phrases.ts';

/** Whom a number is about: every entity named beside it, any one of several, or anyone (nobody named). */
export interface Subject {
  ids: string[];
  mode: 'all' | 'some';
}

type Named = ReadonlyArray<{ entityId: string; start: number }>;

const within = (named: Named, span: Span) => [
  ...new Set(
    named.filter((hit) => hit.start >= span.start && hit.start < span.end).map((hit) => hit.entityId),
  ),
];

// Commas, parentheses, colons and "and" set off a number with its own company inside a clause: "−7,5 % pour Bitdeer,
// +10 % pour IREN", "Bitdeer lost 7.5% and Bitfarms nearly 18".
const SEGMENT_BREAK = /,(?=\s)|[;:()[\]]|\s[—–]\s|\s(?:and|et)\s/g;

function segmentOf(text: string, clause: Span, at: number, cuts: readonly Span[]): Span {
  let start = clause.start;
  let end = clause.end;
  const inner = text.slice(clause.start, clause.end);
  for (const match of inner.matchAll(SEGMENT_BREAK)) {
    const cut = clause.start + match.index!;
    if (cut < at) start = Math.max(start, cut + match[0].length);
    else end = Math.min(end, cut);
  }
  for (const cut of cuts) {
    if (cut.end <= at) start = Math.max(start, cut.end);
    else if (cut.start > at) end = Math.min(end, cut.start);
  }
  return { start, end };
}

/**
 * The subject of each number. Entities in its own segment must all be accounted for; otherwise any one named in its
 * clause or sentence will do; a sentence naming nobody inherits the previous sentence's subject. In a comparison,
 * each side's number belongs to the entities named on its side of the comparator.
 */
export function subjectsOf(
  text: string,
  anaphor: RegExp,
  mentions: readonly NumberMention[],
  claims: readonly MentionClaim[],
  sentences: readonly Sentence[],
  named: Named,
  comparisons: readonly Comparison[],
): Array<Subject | undefined> {
  const carried: string[][] = [];
  sentences.forEach((sentence, index) => {
    const own = within(named, sentence);
    // Only a sentence that refers back ("its shares", "le groupe") takes the previous one's subject: two facts set
    // side by side in an answer each keep their own.
    const refersBack = index > 0 && anaphor.test(fold(text.slice(sentence.start, sentence.end)));
    carried.push(own.length ? own : refersBack ? carried[index - 1]! : []);
  });
  const cuts = comparisons.map((comparison) => comparison.at);
  const sides = new Map<number, string[]>();
  for (const comparison of comparisons) {
    const sentence = sentences[claims[comparison.left]!.sentence]!;
    const left = within(named, { start: sentence.start, end: comparison.at.start });
    const right = within(named, { start: comparison.at.end, end: sentence.end });
    if (!sides.has(comparison.left)) sides.set(comparison.left, left);
    if (!sides.has(comparison.right))
      sides.set(
        comparison.right,
        right.filter((id) => !left.includes(id) || right.length === 1),
      );
  }
  return mentions.map((mention, index) => {
    const claim = claims[index]!;
    const side = sides.get(index);
    if (side) return side.length ? { ids: side, mode: 'some' } : undefined;
    const segment = within(named, segmentOf(text, claim.clause, mention.start, cuts));
    if (segment.length) return { ids: segment, mode: 'all' };
    const clause = within(named, claim.clause);
    if (clause.length) return { ids: clause, mode: 'some' };
    const inherited = carried[claim.sentence] ?? [];
    return inherited.length ? { ids: inherited, mode: 'some' } : undefined;
  });
}
