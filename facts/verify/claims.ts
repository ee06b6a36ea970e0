import type { NumberMention } from '../numbers/index.ts';
import type { Sentence, Span } from './clauses.ts';
import type { ClaimLexicon, ComparatorTag, Direction, DirectionTag } from './lexicon.ts';
import { isCalendar } from './match.ts';
import { escapeRegex, fold } from './phrases.ts';

/** The side of a pair a text gives a number: `base` (from, a year earlier, against…), `main`, or `expected`. */
export type ClaimedRole = 'base' | 'main' | 'previous' | 'expected';

/** A period the text ties to a number: a calendar mention, a year relative to the fact's date, or a window. */
export type PeriodClaim =
  | { kind: 'calendar'; period: string }
  | { kind: 'relativeYear'; offset: number }
  | { kind: 'window'; days: number };

/** What the text around one number says of it. */
export interface MentionClaim {
  sentence: number;
  clause: Span;
  /** Measures named by cue words attached to the number; `head` when one follows it ("$9.7 billion of debt"). */
  cues: string[][];
  head: boolean;
  /** Direction words attached to it, nearest first, and the sign written on the number. */
  directions: Array<DirectionTag & { distance: number; cueOf: string[] }>;
  sign?: Direction;
  role?: ClaimedRole;
  /** When the role comes from a link to another number ("A contre B"): that number, whose fact must be the same. */
  rolePartner?: number;
  periods: PeriodClaim[];
  /** A verb that bounds the number it governs ("exceeded $268 billion", "a dépassé les 268 milliards"). */
  qualifier?: 'moreThan' | 'lessThan';
}

/** Two numbers the text compares ("X lost more than Y", "twice the 24"). */
export interface Comparison extends ComparatorTag {
  left: number;
  right: number;
  /** The mention that states the ratio itself ("3x"), when one does. */
  by?: number;
  /** Where the comparator stands: entities before it belong to the left side, after it to the right. */
  at: Span;
}

/** A number the writer worked out ("triple") that the extractor reports no mention for. */
export interface DerivedWord {
  start: number;
  end: number;
  text: string;
}

export interface TextClaims {
  claims: MentionClaim[];
  comparisons: Comparison[];
  derived: DerivedWord[];
}

const distance = (span: Span, mention: Span) =>
  span.start >= mention.end ? span.start - mention.end : Math.max(0, mention.start - span.end);

/** Each number's sentence and clause, with nothing read around it yet: the claims when claim checks are off. */
export function bareClaims(
  mentions: readonly NumberMention[],
  sentences: readonly Sentence[],
  length: number,
): MentionClaim[] {
  return mentions.map((mention) => {
    const sentence = Math.max(
      0,
      sentences.findIndex((span) => mention.start >= span.start && mention.start < span.end),
    );
    const clauses = sentences[sentence]?.clauses ?? [];
    const clause = clauses.find((span) => mention.start >= span.start && mention.start < span.end) ??
      sentences[sentence] ?? { start: 0, end: length };
    return { sentence, clause, cues: [], head: false, directions: [], periods: [] };
  });
}

/** The claim reader: cue words, directions, roles and periods attached to each number, and comparisons. */
export function readClaims(
  text: string,
  mentions: readonly NumberMention[],
  sentences: readonly Sentence[],
  lexicon: ClaimLexicon,
  names: readonly Span[] = [],
): TextClaims {
  const folded = fold(text);
  const quantity = mentions.map((mention) => !isCalendar(mention));
  const claims = bareClaims(mentions, sentences, text.length);
  const located = claims;
  const covered = (start: number, end: number) =>
    mentions.some((mention) => start < mention.end && end > mention.start);
  const nearestIn = (span: Span, hit: Span, afterPenalty = 0): number | undefined => {
    let best: number | undefined;
    let bestDistance = Infinity;
    mentions.forEach((mention, index) => {
      if (!quantity[index]) return;
      const { clause } = located[index]!;
      if (clause.start > hit.start || clause.end < hit.end || clause.start !== span.start) return;
      const d = distance(hit, mention) + (mention.start >= hit.end ? afterPenalty : 0);
      if (d < bestDistance) {
        best = index;
        bestDistance = d;
      }
    });
    return best;
  };
  const clauseOf = (at: number) => {
    for (const sentence of sentences)
      for (const clause of sentence.clauses) if (at >= clause.start && at < clause.end) return clause;
    return undefined;
  };
  const negated = (hit: Span, clause: Span) =>
    lexicon.negation.test(folded.slice(Math.max(clause.start, hit.start - 40), hit.start));

  // Cue words: each to the nearest number of its clause; a cue right after a number ("of debt") is its head noun.
  // Words inside a name ("public entities", "Washington site") name a subject, not a quantity.
  const cueHits = lexicon.cues
    .find(text, folded)
    .filter((hit) => !names.some((name) => hit.start < name.end && hit.end > name.start));
  for (const hit of cueHits) {
    if (covered(hit.start, hit.end)) continue;
    const clause = clauseOf(hit.start);
    if (!clause || negated(hit, clause)) continue;
    if (lexicon.verbBefore?.test(folded.slice(Math.max(clause.start, hit.start - 6), hit.start))) continue;
    const index = nearestIn(clause, hit);
    if (index === undefined) continue;
    const claim = claims[index]!;
    const between = folded.slice(mentions[index]!.end, hit.start);
    const isHead =
      hit.start >= mentions[index]!.end &&
      /^\s*(?:of|in|de|d'|du|des|en)\s*(?:(?:the|its|their|a|an|son|sa|ses|leur|leurs|le|la|les|l')\s*)?$/u.test(
        between,
      );
    if (isHead && !claim.head) {
      claim.head = true;
      claim.cues = [hit.tag];
    } else if (!claim.head) claim.cues.push(hit.tag);
  }

  for (const hit of lexicon.directions.find(text, folded)) {
    if (covered(hit.start, hit.end)) continue;
    const clause = clauseOf(hit.start);
    if (!clause || negated(hit, clause)) continue;
    if (lexicon.directionIgnored.test(folded.slice(hit.end, hit.end + 20))) continue;
    const index = nearestIn(clause, hit);
    if (index === undefined) continue;
    const cueOf = cueHits
      .filter((cue) => cue.start < hit.end && cue.end > hit.start)
      .flatMap((cue) => cue.tag);
    for (const tag of hit.tag)
      claims[index]!.directions.push({ ...tag, distance: distance(hit, mentions[index]!), cueOf });
  }
  for (const claim of claims) claim.directions.sort((a, b) => a.distance - b.distance);
  mentions.forEach((mention, index) => {
    if (!quantity[index]) return;
    if (mention.value < 0) claims[index]!.sign = 'down';
    else if (/^\s*\+/.test(mention.text)) claims[index]!.sign = 'up';
  });

  readRoles(text, folded, mentions, quantity, claims, lexicon, nearestIn, clauseOf);
  readPeriods(text, folded, mentions, quantity, claims, lexicon, nearestIn, clauseOf, covered);
  const comparisons = readComparisons(text, folded, mentions, quantity, sentences, lexicon, claims);
  const ratios = comparisons
    .filter((comparison) => comparison.ratio !== undefined)
    .map((comparison) => comparison.at);
  const derived = lexicon.derived
    .find(text, folded)
    .filter(
      (hit) =>
        !covered(hit.start, hit.end) && !ratios.some((span) => hit.start < span.end && hit.end > span.start),
    )
    .map((hit) => ({ start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) }));
  return { claims, comparisons, derived };
}

type Nearest = (span: Span, hit: Span, afterPenalty?: number) => number | undefined;
type ClauseOf = (at: number) => Span | undefined;

/** The text between two spans with calendar mentions cut out, folded: what links two numbers. */
function linkText(folded: string, mentions: readonly NumberMention[], from: number, to: number): string {
  let out = folded.slice(from, to);
  for (const mention of mentions)
    if (mention.start >= from && mention.end <= to && isCalendar(mention))
      // The calendar mention goes with the preposition that introduces it ("en janvier 2025", "in Q3").
      out = out.replace(
        new RegExp(
          `(?:(?:in|on|at|of|en|au|le|du|dès)\\s+)?${escapeRegex(folded.slice(mention.start, mention.end))}`,
          'u',
        ),
        ' ',
      );
  return out.replace(/\s+/g, ' ');
}

/** Roles two linked numbers give each other; they bind only if both turn out to be values of one fact. */
function linkRoles(
  claims: MentionClaim[],
  a: number,
  b: number,
  first: ClaimedRole,
  second: ClaimedRole,
): void {
  if (!claims[a]!.role) Object.assign(claims[a]!, { role: first, rolePartner: b });
  if (!claims[b]!.role) Object.assign(claims[b]!, { role: second, rolePartner: a });
}

function readRoles(
  text: string,
  folded: string,
  mentions: readonly NumberMention[],
  quantity: readonly boolean[],
  claims: MentionClaim[],
  lexicon: ClaimLexicon,
  nearestIn: Nearest,
  clauseOf: ClauseOf,
): void {
  const numbers = mentions.map((_, index) => index).filter((index) => quantity[index]);
  for (let k = 0; k + 1 < numbers.length; k++) {
    const a = numbers[k]!;
    const b = numbers[k + 1]!;
    if (claims[a]!.sentence !== claims[b]!.sentence) continue;
    const between = linkText(folded, mentions, mentions[a]!.end, mentions[b]!.start);
    const before = linkText(folded, mentions, Math.max(0, mentions[a]!.start - 30), mentions[a]!.start);
    const isAnd = /^[\s,]*(?:and|et)\s/u.test(`${between} `);
    if (lexicon.toLink.test(between) && (isAnd ? lexicon.rangeBefore.test(before) : true)) {
      if (isAnd || lexicon.fromBefore.test(before) || /^\s*(?:to|à|a|-|–)\s/u.test(`${between} `)) {
        linkRoles(claims, a, b, 'base', 'main');
      }
    } else if (lexicon.baseLink.test(between)) {
      linkRoles(claims, a, b, 'main', 'base');
    }
  }
  for (const hit of lexicon.previous.find(text, folded)) {
    const clause = clauseOf(hit.start);
    const index = clause && nearestIn(clause, hit);
    if (index !== undefined) Object.assign(claims[index]!, { role: 'previous', rolePartner: undefined });
  }
  mentions.forEach((mention, index) => {
    if (!quantity[index]) return;
    const clause = claims[index]!.clause;
    const before = folded.slice(Math.max(clause.start, mention.start - 45), mention.start);
    const cut = Math.max(...mentions.filter((m) => m.end <= mention.start).map((m) => m.end), 0);
    const after = folded.slice(mention.end, Math.min(clause.end, mention.end + 20));
    if (
      lexicon.expectedBefore.test(
        folded.slice(Math.max(cut, clause.start, mention.start - 45), mention.start),
      ) &&
      before.length
    )
      Object.assign(claims[index]!, { role: 'expected', rolePartner: undefined });
    else if (lexicon.expectedAfter.test(after))
      Object.assign(claims[index]!, { role: 'expected', rolePartner: undefined });
  });
}

function readPeriods(
  text: string,
  folded: string,
  mentions: readonly NumberMention[],
  quantity: readonly boolean[],
  claims: MentionClaim[],
  lexicon: ClaimLexicon,
  nearestIn: Nearest,
  clauseOf: ClauseOf,
  covered: (start: number, end: number) => boolean,
): void {
  const bind = (span: Span, period: PeriodClaim) => {
    const clause = clauseOf(span.start);
    if (!clause) return;
    if (lexicon.anchorBefore.test(folded.slice(Math.max(clause.start, span.start - 25), span.start))) return;
    // A period mostly follows the number it dates ("$205 billion in January"), so a number after it must be nearer.
    const index = nearestIn(clause, span, 6);
    if (index !== undefined) claims[index]!.periods.push(period);
  };
  const calendar = mentions.filter((mention) => isCalendar(mention) && mention.period);
  calendar.forEach((mention, k) => {
    // "from January to August": a span of two calendar mentions says nothing about one number's period.
    const next = calendar[k + 1];
    const previous = calendar[k - 1];
    const joined = (a: NumberMention, b: NumberMention) =>
      /^\s*(?:to|à|a|-|–|and|et|au)\s*$/u.test(folded.slice(a.end, b.start));
    if ((next && joined(mention, next)) || (previous && joined(previous, mention))) return;
    bind(mention, { kind: 'calendar', period: mention.period! });
  });
  for (const hit of lexicon.months.find(text, folded)) {
    if (covered(hit.start, hit.end)) continue;
    if (!lexicon.monthPrefix.test(folded.slice(Math.max(0, hit.start - 14), hit.start))) continue;
    const month = String(hit.tag[0]!).padStart(2, '0');
    bind(hit, { kind: 'calendar', period: `--${month}` });
  }
  for (const hit of lexicon.relativeYears.find(text, folded))
    if (!covered(hit.start, hit.end)) bind(hit, { kind: 'relativeYear', offset: hit.tag[0]! });
  for (const hit of lexicon.windows.find(text, folded))
    if (!covered(hit.start, hit.end)) bind(hit, { kind: 'window', days: hit.tag[0]! });
  void quantity;
}

function readComparisons(
  text: string,
  folded: string,
  mentions: readonly NumberMention[],
  quantity: readonly boolean[],
  sentences: readonly Sentence[],
  lexicon: ClaimLexicon,
  claims: MentionClaim[],
): Comparison[] {
  const comparisons: Comparison[] = [];
  const numbersIn = (sentence: Sentence) =>
    mentions
      .map((mention, index) => ({ mention, index }))
      .filter(({ mention, index }) => quantity[index] || mention.unit === 'multiple')
      .filter(({ mention }) => mention.start >= sentence.start && mention.start < sentence.end);
  const operands = (sentence: Sentence, at: Span, leftBefore = at.start) => {
    const numbers = numbersIn(sentence).filter(({ mention }) => mention.unit !== 'multiple');
    const left = [...numbers].reverse().find(({ mention }) => mention.end <= leftBefore);
    const after = numbers.filter(({ mention }) => mention.start >= at.end);
    if (left && after[0]) return { left: left.index, right: after[0].index };
    if (!left && after.length >= 2) return { left: after[0]!.index, right: after[1]!.index };
    return undefined;
  };
  // A comparator right before a number is its qualifier ("more than 10 %", "exceeded the $1 billion"), not a comparison.
  const governed = (sentence: Sentence, end: number) =>
    numbersIn(sentence).find(
      ({ mention }) =>
        mention.start >= end &&
        /^\s*(?:(?:the|a|an|les|la|le|l'|des)\s*)?$/u.test(folded.slice(end, mention.start)),
    );
  const qualifies = (sentence: Sentence, end: number) => governed(sentence, end) !== undefined;
  const comparatorHits = lexicon.comparators.find(text, folded);
  for (const sentence of sentences) {
    const slice = { start: sentence.start, end: sentence.end };
    for (const hit of comparatorHits) {
      if (hit.start < slice.start || hit.start >= slice.end) continue;
      if (mentions.some((mention) => hit.start < mention.end && hit.end > mention.start)) continue;
      const bounded = hit.tag[0]!.ratio ? undefined : governed(sentence, hit.end);
      // "dwarfed the $46 million" after another number compares them; alone before a number, it bounds that number.
      const before = numbersIn(sentence).some(
        ({ mention, index }) =>
          quantity[index] &&
          mention.end <= hit.start &&
          mention.start >= claims[index]!.clause.start &&
          claims[index]!.clause.end >= hit.end,
      );
      if (bounded && (!before || mentions[bounded.index]!.qualifier !== 'exact')) {
        if (!hit.tag[0]!.signed && quantity[bounded.index])
          claims[bounded.index]!.qualifier = hit.tag[0]!.relation === 'gt' ? 'moreThan' : 'lessThan';
        continue;
      }
      const pair = operands(sentence, hit);
      if (pair) comparisons.push({ ...hit.tag[0]!, ...pair, at: { start: hit.start, end: hit.end } });
    }
    numbersIn(sentence)
      .filter(({ mention }) => mention.unit === 'multiple')
      .forEach(({ mention, index }) => {
        const pair = operands(sentence, mention);
        if (pair && mentions[pair.left]!.end <= mention.start)
          comparisons.push({
            relation: 'gt',
            signed: false,
            ratio: Math.abs(mention.value),
            by: index,
            ...pair,
            at: { start: mention.start, end: mention.end },
          });
      });
    // "20 of the 22", "20 des 22": a part is smaller than its whole.
    const counts = numbersIn(sentence).filter(({ mention }) => mention.unit === 'count');
    for (let k = 0; k + 1 < counts.length; k++) {
      const [part, whole] = [counts[k]!, counts[k + 1]!];
      const link = folded.slice(part.mention.end, whole.mention.start);
      if (/^\s*(?:of\s+the|of|out\s+of|des|sur\s+les|parmi\s+les|sur)\s*$/u.test(link))
        comparisons.push({
          relation: 'lt',
          signed: false,
          left: part.index,
          right: whole.index,
          at: { start: part.mention.end, end: whole.mention.start },
        });
    }
    lexicon.splitComparator.lastIndex = 0;
    for (const match of folded.slice(slice.start, slice.end).matchAll(lexicon.splitComparator)) {
      const start = slice.start + match.index!;
      const end = start + match[0].length;
      if (comparisons.some((comparison) => comparison.at.start <= start && comparison.at.end >= end))
        continue;
      if (
        qualifies(sentence, end) ||
        (/^\s*(?:de|d'|than|que|qu')/u.test(folded.slice(end, end + 6)) &&
          qualifiesAfter(folded, end, sentence, numbersIn))
      )
        continue;
      const rest = folded.slice(end, Math.min(slice.end, end + 70));
      const stop = rest.search(/[.;!?]/u);
      const window = stop === -1 ? rest : rest.slice(0, stop);
      lexicon.thenWord.lastIndex = 0;
      let then: RegExpExecArray | null = null;
      for (const found of window.matchAll(lexicon.thenWord)) {
        const before = folded.slice(slice.start, end + found.index!);
        if (lexicon.thenExcluded?.test(before)) continue;
        then = found as RegExpExecArray;
        break;
      }
      if (!then) continue;
      const thenAt = { start: end + then.index!, end: end + then.index! + then[0].length };
      const pair = operands(sentence, thenAt, thenAt.start);
      if (!pair) continue;
      const small = lexicon.smallAdjective?.test(folded.slice(end, thenAt.start)) ?? false;
      const greater = Boolean(match[1]) !== small;
      comparisons.push({
        relation: greater ? 'gt' : 'lt',
        signed: false,
        ...pair,
        at: { start, end: thenAt.end },
      });
    }
  }
  return comparisons;
}

/** "plus de 10 %": the comparative word qualifies the number that follows its "de". */
function qualifiesAfter(
  folded: string,
  end: number,
  sentence: Sentence,
  numbersIn: (sentence: Sentence) => Array<{ mention: NumberMention; index: number }>,
): boolean {
  const link = /^\s*(?:de|d'|than)\s*/u.exec(folded.slice(end, end + 8));
  if (!link) return false;
  const at = end + link[0].length;
  return numbersIn(sentence).some(({ mention }) => mention.start >= at && mention.start - at <= 1);
}
