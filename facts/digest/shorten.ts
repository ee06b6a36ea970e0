import { extractNumbers } from '../numbers/index.ts';
import type { Lang } from '../schema/index.ts';
import { type Span, splitSentences } from '../verify/clauses.ts';

/** A quote as long as a digest line allows (its key sentence), and whether anything was left out. */
export interface KeyQuote {
  text: string;
  shortened: boolean;
}

// Abbreviations the verifier's splitter does not know: a full stop after them does not end a sentence.
const ABBREVIATIONS: Record<Lang, ReadonlySet<string>> = {
  fr: new Set([
    'env',
    'ex',
    'cf',
    'av',
    'apr',
    'vol',
    'chap',
    'art',
    'éd',
    'dir',
    'md',
    'mds',
    'min',
    'max',
    'tél',
  ]),
  en: new Set([
    'approx',
    'est',
    'vol',
    'fig',
    'ca',
    'cf',
    'jr',
    'sr',
    'gov',
    'sen',
    'rep',
    'prof',
    'gen',
    'bn',
    'ft',
  ]),
};
// Two numbers this close are one figure ("3 à 5 ans", "3 to 5 years", "205–268"): never cut between them.
const RANGE_GAP = 5;
const ELLIPSIS = '…';

/** Where a cut at `at` would fall inside a number, just before one (its qualifier left hanging), or inside a range. */
function cutsNumber(at: number, numbers: readonly Span[]): boolean {
  return numbers.some(
    (number, i) =>
      (number.start < at && at < number.end) ||
      number.start === at + 1 ||
      (number.end <= at &&
        numbers[i + 1] !== undefined &&
        numbers[i + 1]!.start >= at &&
        numbers[i + 1]!.start - number.end <= RANGE_GAP),
  );
}

/**
 * Sentences of a text (trimmed spans), split as the verifier splits them, then joined again where the break was
 * not one: inside or right after a number ("2.", "sept."), after an initial ("J. Smith") or a further abbreviation
 * ("env.", "approx."), or before a lower-case word.
 */
export function safeSentences(text: string, lang: Lang, numbers = extractNumbers(text, lang)): Span[] {
  const out: Span[] = [];
  for (const sentence of splitSentences(text, lang)) {
    const previous = out.at(-1);
    const head = text.slice(sentence.start).trimStart();
    const word = /([\p{L}]+)\.\s*$/u.exec(text.slice(previous?.start ?? 0, previous?.end ?? 0))?.[1] ?? '';
    const joined =
      previous !== undefined &&
      (cutsNumber(previous.end, numbers) ||
        /^\p{Ll}/u.test(head) ||
        word.length === 1 ||
        ABBREVIATIONS[lang].has(word.toLowerCase()));
    if (joined) previous.end = sentence.end;
    else out.push({ start: sentence.start, end: sentence.end });
  }
  return out.map((span) => {
    const part = text.slice(span.start, span.end);
    const start = span.start + (part.length - part.trimStart().length);
    return { start, end: start + part.trim().length };
  });
}

/**
 * Where a sentence (`start`–`end`) may stop with an ellipsis, never in or before a number: the last clause break
 * before `max` that keeps most of the room, else the last space after a word longer than an article ("de la…"
 * reads as broken), else the first such space past `max`; `end` when there is none (the sentence stays whole).
 */
function cutPoint(text: string, start: number, end: number, max: number, numbers: readonly Span[]): number {
  const limit = start + max;
  let clause = -1;
  let space = -1;
  for (let i = start + Math.floor(max / 3); i < end; i++) {
    if (text[i] !== ' ' || cutsNumber(i, numbers)) continue;
    const afterWord = !/(?:^|[\s’'-])[\p{L}]{1,3}$/u.test(text.slice(i - 4, i));
    if (i >= limit) {
      if (space < 0 && clause < 0 && afterWord) return i;
      if (space >= 0 || clause >= 0) break;
      continue;
    }
    if (/[,;:—–]/.test(text[i - 1]!)) clause = i;
    if (afterWord) space = i;
  }
  if (clause - start >= max * 0.6) return clause;
  return space > 0 ? space : clause > 0 ? clause : end;
}

/**
 * A quote's key sentence — the one with the most numbers, else the first — with an ellipsis where words were left
 * out; a sentence longer than `max` is cut at a clause break or a space, never inside a number or a range.
 * The whole quote when it is short enough.
 */
export function keyQuote(text: string, lang: Lang, max = 180): KeyQuote {
  const whole = text.trim();
  if (whole.length <= max) return { text: whole, shortened: false };
  const numbers = extractNumbers(text, lang);
  const sentences = safeSentences(text, lang, numbers);
  const counts = sentences.map((s) => numbers.filter((n) => n.start >= s.start && n.end <= s.end).length);
  const index = counts.indexOf(Math.max(...counts));
  const chosen = sentences[index]!;
  let words = text.slice(chosen.start, chosen.end);
  const cut = words.length > max ? cutPoint(text, chosen.start, chosen.end, max, numbers) : chosen.end;
  if (cut < chosen.end) {
    words = `${text.slice(chosen.start, cut).replace(/[\s,;:—–-]+$/, '')}${ELLIPSIS}`;
  } else if (index < sentences.length - 1) {
    words = words.endsWith('.') ? `${words.slice(0, -1)}${ELLIPSIS}` : `${words} ${ELLIPSIS}`;
  }
  return { text: index > 0 ? `${ELLIPSIS} ${words}` : words, shortened: true };
}
