import { isTopicalConcept } from './concepts.ts';
import type { FactMeta } from './document.ts';
import { foldText } from './fold.ts';
import type { AnalyzedQuestion, QuestionToken } from './question.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';

/** Hints that name a quantity or a role of their own: asking for one is asking for that, not for any fact. */
const QUANTITY_HINTS: ReadonlySet<string> = new Set([
  'power',
  'cost',
  'price',
  'marketcap',
  'ceo',
  'founder',
]);

/**
 * The words of those hints exactly as listed: a hint counts only when written as such, since stems collide across
 * meanings ("pris", taken, stems as "prix", price).
 */
const HINT_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  SYNONYM_GROUPS.filter((group) => QUANTITY_HINTS.has(group.concept)).map((group) => [
    group.concept,
    new Set([...group.en, ...group.fr].flatMap((phrase) => foldText(phrase).split(/\s+/))),
  ]),
);

const asksHint = (token: QuestionToken, concept: string): boolean =>
  HINT_WORDS.get(concept)?.has(token.surface) ?? false;

/**
 * What the question asks about, as concepts: the topics and quantities of its own words (`loss`, `holdings`,
 * `mining`, `price`), not those of the names it gives. A fact answers it only if it carries every one of them.
 */
export function askedConcepts(question: AnalyzedQuestion): string[] {
  const asked = new Set<string>();
  // Facts are true as of a date: what a figure is today or right now is something no stored fact holds.
  if (
    question.tokens.some(
      (token, i) => NOW.has(token.surface) || NOW.has(`${token.surface} ${question.tokens[i + 1]?.surface}`),
    )
  )
    asked.add('now');
  for (const token of question.tokens) {
    if (token.inEntity || token.answerType) continue;
    for (const concept of token.concepts)
      if (isTopicalConcept(concept) || asksHint(token, concept)) asked.add(concept);
  }
  return [...asked];
}

const NOW: ReadonlySet<string> = new Set([
  'today',
  'now',
  'current',
  'currently',
  'actuel',
  'actuelle',
  'tonight',
  'aujourd hui',
  'actuellement',
  'maintenant',
  'moment',
]);

/** Whether a fact carries every concept the question asks about. */
export const carriesAll = (meta: FactMeta, asked: readonly string[]): boolean =>
  asked.every((concept) => meta.concepts.includes(concept));

/**
 * The phrases that carry what the question asks, as written ("chiffre d'affaires", "net loss"): a follow-up or the
 * other side of a comparison reuses them, and a comparison names its sides with them.
 */
export function askedWords(question: AnalyzedQuestion, text: string): string[] {
  const asked = new Set(askedConcepts(question));
  const phrases: { start: number; end: number }[] = [];
  for (const token of question.tokens) {
    if (token.inEntity || token.answerType || token.stop) continue;
    if (!token.concepts.some((concept) => asked.has(concept))) continue;
    const last = phrases.at(-1);
    // Words of one phrase are joined by spaces, apostrophes, hyphens or one short word (d', de, of).
    if (last && /^[\s'’-]*(?:\p{L}{1,3}[\s'’-]+)?$/u.test(text.slice(last.end, token.start)))
      last.end = token.end;
    else phrases.push({ start: token.start, end: token.end });
  }
  return phrases.map(({ start, end }) => text.slice(start, end));
}
