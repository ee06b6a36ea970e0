import type { Lang } from '../schema/index.ts';
import type { FactSelection } from '../search/index.ts';
import { splitComparison } from './compare.ts';
import type { AnswerSubject } from './types.ts';

/** What a question resolved to: one selection, or one per side of a comparison. */
export interface Resolved {
  sides: FactSelection[];
  /** The subject to remember for a follow-up. */
  subject: AnswerSubject;
}

export type Select = (question: string, lang: Lang) => FactSelection;

/** Follow-up openings and pronouns: "and its shares?", "et ses actions ?", "what about Q2?". */
const FOLLOW_UP =
  /^\s*(?:and|et|also|aussi|what about|how about|et pour|et côté|quid de|same for|pareil pour)\b|\b(?:its|their|it|they|them|ses|son|sa|leurs?|elle|elles|il|ils)\b/iu;

const withWords = (text: string, words: readonly string[]): string =>
  words.length ? `${text} ${words.join(' ')}` : text;

/** A side or a follow-up missing a subject or a measure borrows the other's, as the reader means it. */
function borrow(text: string, own: FactSelection, from: AnswerSubject, select: Select, lang: Lang) {
  const needsNames = own.namedWords.length === 0 && from.namedWords.length > 0;
  const needsAsked = own.askedWords.length === 0 && from.askedWords.length > 0;
  if (!needsNames && !needsAsked) return own;
  let borrowed = needsNames ? withWords(text, from.namedWords) : text;
  if (needsAsked) borrowed = withWords(borrowed, from.askedWords);
  return select(borrowed, lang);
}

/**
 * A side of a comparison: as written when it stands on its own ("sept 10 ETF inflow"); borrowing the other side's
 * subject or measure when it points back ("what she mined"), asks nothing of its own, or finds nothing alone.
 */
function sideOf(text: string, own: FactSelection, other: FactSelection, select: Select, lang: Lang) {
  const standsAlone =
    own.askedWords.length > 0 && !own.offTopic && !own.unanswerable && !FOLLOW_UP.test(text);
  return standsAlone ? own : borrow(text, own, subjectOf(other), select, lang);
}

const subjectOf = (selection: FactSelection): AnswerSubject => ({
  namedWords: selection.namedWords,
  askedWords: selection.askedWords,
});

/**
 * Reads a question as the reader means it: a comparison is split into its sides, each side missing a subject or a
 * measure borrowing the other's; a question naming no entity and no unknown name, shaped as a follow-up or asking
 * a measure, reuses the previous question's subject.
 */
export function resolveQuestion(
  question: string,
  lang: Lang,
  select: Select,
  previous?: AnswerSubject,
): Resolved {
  const split = splitComparison(question);
  const joined = split ? undefined : splitComparison(question, true);
  if (joined) {
    const [a, b] = joined.map((side) => select(side, lang)) as [FactSelection, FactSelection];
    const names = (s: FactSelection) => (s.subjects ?? []).join();
    // Two subjects joined by "and", each with figures of its own ("Bitfarms and Bitdeer's net loss").
    if (
      names(a) &&
      names(b) &&
      names(a) !== names(b) &&
      a.unknownNames.length + b.unknownNames.length === 0
    ) {
      const sides = [sideOf(joined[0], a, b, select, lang), sideOf(joined[1], b, a, select, lang)];
      if (sides.every((side) => !side.offTopic)) return { sides, subject: subjectOf(a) };
    }
  }
  if (split) {
    const [a, b] = split.map((side) => select(side, lang)) as [FactSelection, FactSelection];
    const hasSubject = (s: FactSelection) => s.namedWords.length > 0 || s.askedWords.length > 0;
    if (hasSubject(a) && hasSubject(b) && a.unknownNames.length + b.unknownNames.length === 0) {
      const sides = [sideOf(split[0], a, b, select, lang), sideOf(split[1], b, a, select, lang)];
      return { sides, subject: subjectOf(a.namedWords.length ? a : b) };
    }
  }
  const selection = select(question, lang);
  const followUp =
    previous &&
    selection.namedWords.length === 0 &&
    selection.unknownNames.length === 0 &&
    (selection.askedWords.length > 0 || FOLLOW_UP.test(question));
  if (!followUp) return { sides: [selection], subject: subjectOf(selection) };
  const resolved = borrow(question, selection, previous, select, lang);
  return {
    sides: [resolved],
    subject: {
      namedWords: previous.namedWords,
      askedWords: selection.askedWords.length ? selection.askedWords : previous.askedWords,
    },
  };
}
