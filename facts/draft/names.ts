import type { Lang } from '../schema/index.ts';
import { foldText } from '../search/index.ts';
import { type Word, wordsOf } from './text.ts';
import { DRAFT_WORDS, type DraftWords } from './words.ts';

/** A capitalised name of the source that the registry does not hold, and what its context says it is. */
export interface NameCandidate {
  name: string;
  type: 'company' | 'person' | 'site';
  /** Where each occurrence stands (the first one decides a site's owner). */
  at: number[];
  aliases: string[];
}

const CAPITAL = /^\p{Lu}/u;
const CAMEL = /^\p{Lu}\p{Ll}+\p{Lu}/u;
const DIGITS = /^\d{1,3}$/;
const PLAIN_NAME = /^\p{Lu}\p{Ll}+$/u;

interface Run {
  words: Word[];
  sentenceStart: boolean;
}

const isNameWord = (word: Word, lexicon: DraftWords): boolean => {
  if (!CAPITAL.test(word.word) || word.word.includes('-')) return false;
  // Short all-capital words are acronyms of the topic (AI, US, X), not names to propose.
  if (word.word.length <= 2 && word.word === word.word.toUpperCase()) return false;
  const folded = foldText(word.word);
  return !lexicon.months.includes(folded) && !lexicon.weekdays.includes(folded);
};

/** Runs of capitalised words joined by single spaces, inside one sentence; a short number may end one (Hut 8). */
function runsOf(
  text: string,
  sentences: readonly { start: number; end: number }[],
  lexicon: DraftWords,
): Run[] {
  const runs: Run[] = [];
  for (const sentence of sentences) {
    const words = wordsOf(text, sentence.start, sentence.end);
    let current: Word[] = [];
    const close = () => {
      while (current.length && lexicon.openers.includes(foldText(current[0]!.word))) current.shift();
      while (current.length && !isNameWord(current.at(-1)!, lexicon) && !DIGITS.test(current.at(-1)!.word))
        current.pop();
      if (current.length && isNameWord(current[0]!, lexicon))
        runs.push({ words: current, sentenceStart: current[0] === words[0] });
      current = [];
    };
    for (const [index, word] of words.entries()) {
      const previous = current.at(-1);
      const joined = previous && /^ $/.test(text.slice(previous.end, word.start)) && !previous.possessive;
      const fits = isNameWord(word, lexicon) || (DIGITS.test(word.word) && previous !== undefined && joined);
      if (fits && (joined || !previous)) current.push(word);
      else {
        close();
        if (isNameWord(word, lexicon)) current.push(word);
      }
      if (index === words.length - 1) close();
    }
  }
  return runs;
}

/** Folded words of a stretch, single-spaced, apostrophes as spaces, padded so phrases match on word edges. */
const foldedWindow = (text: string, from: number, to: number) =>
  ` ${foldText(text.slice(Math.max(0, from), Math.max(0, to)))
    .replace(/['’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

const hasAny = (window: string, phrases: readonly string[]) =>
  phrases.some((phrase) => window.includes(` ${phrase} `) || window.includes(` ${phrase},`));

/** What one occurrence's context says: a site, a place (dropped), a person, a company, or nothing. */
function readContext(text: string, run: Run, lexicon: DraftWords, recurring: boolean) {
  const first = run.words[0]!;
  const last = run.words.at(-1)!;
  const name = text.slice(first.start, last.end);
  const before = foldedWindow(text, first.start - 48, first.start);
  const after = foldedWindow(text, last.end, last.end + 72);
  const lastBefore = before.trim().split(/\s+/).at(-1) ?? '';
  const siteAfter = lexicon.siteWords.some(
    (word) => after.startsWith(` ${word} `) || after.startsWith(`${word} `),
  );
  // "campus in Massillon" names the site by its place; in "Helios campus in West Texas" the name came first.
  const ahead = text
    .slice(Math.max(0, first.start - 48), first.start)
    .replace(/['’]/g, ' ')
    .trim()
    .split(/\s+/);
  const siteBefore = lexicon.siteWords.some((word) => {
    if (!new RegExp(` ${word} (?:in|at|of|de|d|du|a) $`).test(before)) return false;
    return !CAPITAL.test(ahead[ahead.length - 2 - word.split(' ').length] ?? '');
  });
  if (siteAfter || siteBefore) return { name, type: 'site' as const };
  if (lexicon.placePrepositions.includes(lastBefore)) return undefined;
  const words = run.words.map((word) => word.word);
  const personShape = words.length >= 2 && words.length <= 3 && words.every((word) => PLAIN_NAME.test(word));
  const near = `${before.slice(-28)} ${after.slice(0, 40)}`;
  // What only a company is: "Galaxy Digital" by its last word, "Core Scientific's chief executive", "X shares fell".
  const suffix = lexicon.companySuffixes.includes(foldText(words.at(-1)!));
  const owns = last.possessive && hasAny(after.slice(0, 30), lexicon.personCues);
  const traded = lexicon.stockWords.some(
    (word) =>
      after.startsWith(` ${word} `) || before.endsWith(` ${word} `) || before.endsWith(` ${word} of `),
  );
  const cueBefore = hasAny(before.split(/\s+/).slice(-5).join(' ').padStart(1), lexicon.companyCues);
  const appositive = new RegExp(
    `^\\s*,\\s+(?:the|a|an|un|une|le|la|l)\\b[^,.;]{0,60}?\\b(?:${lexicon.companyCues.join('|')})\\b(?! s )`,
  ).test(after);
  const ofRole = / de $/.test(before) && hasAny(before.slice(-40), lexicon.personCues);
  if (suffix || owns || traded) return { name, type: 'company' as const };
  // "Jihan Wu, the company's chairman": a role beside the name makes a person, whatever company it names.
  if (personShape && (hasAny(near, lexicon.personCues) || hasAny(near, lexicon.speechVerbs)))
    return { name, type: 'person' as const };
  if (cueBefore || appositive || ofRole) return { name, type: 'company' as const };
  const verb = lexicon.actorVerbs.includes(after.trim().split(/\s+/)[0] ?? '') && !run.sentenceStart;
  const shaped = CAMEL.test(words[0]!) || DIGITS.test(words.at(-1)!);
  if (verb || (shaped && recurring)) return { name, type: 'company' as const };
  return undefined;
}

/**
 * Names the registry does not know, from capitalised runs and the words around them, in either language: people
 * (two or three plain capitalised words beside a role or a speech verb), companies (beside a company word, a
 * company suffix, a role "of" it, a verb it is the subject of, or shaped like a brand), and sites (beside a site word).
 * `known` are spans the registry already names; a run inside one is not proposed, nor one that is a measure's word
 * (`notNames`: EBITDA is what a number measures, not who).
 */
export function findNameCandidates(
  text: string,
  sentences: readonly { start: number; end: number }[],
  lang: Lang,
  known: readonly { start: number; end: number }[],
  notNames: ReadonlySet<string> = new Set(),
): NameCandidate[] {
  const lexicon = DRAFT_WORDS[lang];
  const runs = runsOf(text, sentences, lexicon).filter(
    (run) =>
      !known.some((span) => run.words[0]!.start < span.end && run.words.at(-1)!.end > span.start) &&
      !notNames.has(foldText(run.words.map((word) => word.word).join(' '))),
  );
  const count = new Map<string, number>();
  for (const run of runs) {
    const key = run.words.map((word) => word.word).join(' ');
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const found = new Map<string, NameCandidate>();
  const votes = new Map<string, Record<NameCandidate['type'], number>>();
  for (const run of runs) {
    const name = run.words.map((word) => word.word).join(' ');
    const context = readContext(text, run, lexicon, (count.get(name) ?? 0) >= 2);
    if (!context) continue;
    const entry = found.get(name) ?? { name, type: context.type, at: [], aliases: [] };
    entry.at.push(run.words[0]!.start);
    found.set(name, entry);
    const tally = votes.get(name) ?? { site: 0, person: 0, company: 0 };
    tally[context.type]++;
    votes.set(name, tally);
  }
  // A site wherever it is one; a person only where more contexts say so than say company.
  for (const [name, tally] of votes) {
    const entry = found.get(name)!;
    entry.type = tally.site ? 'site' : tally.person > tally.company ? 'person' : 'company';
  }
  // A name that stands alone elsewhere (Galaxy for Galaxy Digital, Genoot for Asher Genoot) is an alias.
  const singles = new Set(runs.filter((run) => run.words.length === 1).map((run) => run.words[0]!.word));
  for (const candidate of found.values()) {
    const parts = candidate.name.split(' ');
    if (parts.length < 2 || candidate.type === 'site') continue;
    const short = candidate.type === 'person' ? parts.at(-1)! : parts[0]!;
    const alone = found.get(short);
    if (!singles.has(short) || (alone && alone.type === 'site')) continue;
    candidate.aliases.push(short);
    found.delete(short);
  }
  return [...found.values()];
}
