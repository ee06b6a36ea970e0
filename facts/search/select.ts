import { loadMeasures } from '../measures/index.ts';
import type { Entity, Lang, Measure } from '../schema/index.ts';
import { askedConcepts, askedWords, carriesAll } from './asked.ts';
import { isDomainConcept, isTopicalConcept } from './concepts.ts';
import { conceptTerm, type FactMeta } from './document.ts';
import type { FactSearchIndex, SearchOutcome } from './fact-index.ts';
import { cuedMeasures } from './measure-cues.ts';
import { askedPeriod, coversPeriod } from './periods.ts';
import type { AnalyzedQuestion, QuestionToken } from './question.ts';

/** The facts that answer a question, or none: `offTopic` when nothing verified clears the bar. */
export interface FactSelection {
  factIds: string[];
  /** Registry entities the question names, whether or not a fact concerns them. */
  entitiesNamed: string[];
  offTopic: boolean;
  /**
   * On topic, but no verified fact holds what it asks (a figure never given for a company the facts name): the
   * reader is told so, and `related` holds facts about its subject that do not answer it.
   */
  unanswerable?: boolean;
  related?: string[];
  /** The subject entities it names and the concepts it asks about. */
  subjects?: string[];
  asked?: string[];
  /** As the reader wrote them: the entity names, and the words that say what it asks (a follow-up reuses them). */
  namedWords: string[];
  askedWords: string[];
  /** Capitalised names the registry does not know (`Australia`): never a follow-up of an earlier subject. */
  unknownNames: string[];
}

export interface SelectOptions {
  /** At most this many facts (1–4; 3 unless told). */
  limit?: number;
  /** Keep facts scoring at least this share of the best one (0.5 unless told). */
  ratio?: number;
  /** The measure registry whose cue words say which figure a question asks (the embedded one unless told). */
  measures?: readonly Measure[];
}

/** A figure asked about the future ("how much will it earn", "combien va-t-elle dépenser"): only a forecast holds it. */
const FUTURE =
  /\b(?:will|won['’]t|going to|next (?:year|quarter|month)|va(?:-t)?|vont|sera(?:-t)?|seront|l['’]an prochain|l['’]année prochaine|prochain trimestre)\b/iu;

/**
 * Advice and how-to ("should I buy…", "how do I mine…", "dois-je vendre…", "où acheter…"): a fact store reports what
 * happened, it does not advise, so these are off topic whatever they name.
 */
const ADVICE =
  /\b(?:should i|shall i|do you recommend|is it a good (?:time|idea)|a good investment|how (?:do|can|should) i|how to|where (?:can|do|should) i|worth buying|dois-je|devrais-je|faut-il (?:acheter|vendre|investir)|un bon investissement|le bon moment|comment (?:puis-je|faire pour|acheter|investir|miner)|où acheter|pour acheter|to buy)\b/iu;

/** Words that set subjects side by side rather than ask about them together. */
const COMPARING = /\b(?:compar\w*|vs\.?|versus|or|ou|both|les deux|each|chacune?|respective\w*)\b/iu;

const WHO: ReadonlySet<string> = new Set(['who', 'whom', 'qui']);

/** A question asking for a figure, not for who, when or what someone said: the fact must hold a figure of the measure it names. */
const asksFigure = (outcome: SearchOutcome): boolean =>
  !outcome.question.concepts.some(
    (concept) => concept === 'when' || concept === 'quote' || concept === 'predict',
  ) && !outcome.question.tokens.some((token) => token.answerType || WHO.has(token.surface));

/** Entity types that are the subject of a question: naming one restricts the answer to facts about it. */
const SUBJECT_TYPES: ReadonlySet<Entity['type']> = new Set(['company', 'person', 'organization', 'law']);
/** Below this specificity an entity is a topic (most facts concern it), not a subject that filters. */
const SUBJECT_SPECIFICITY = 0.5;

const isKnown = (token: QuestionToken, matched: ReadonlySet<string>): boolean =>
  token.stems.some((stem) => matched.has(stem)) ||
  token.concepts.some((concept) => matched.has(conceptTerm(concept)));

/**
 * Whether a question that names no subject is about what the facts cover. No unknown name (`Australia`, `Paris`);
 * then a matched domain word (bitcoin, ETF, stablecoin…) with half the content words matched, or a matched topical
 * word (loss, deal…) with most of them matched, or at least two content words, all matched, or three and more
 * making two thirds of them.
 */
function isOnTopic(outcome: SearchOutcome, topicNamed: boolean): boolean {
  const content = outcome.question.tokens.filter((token) => token.content);
  const known = content.filter((token) => isKnown(token, outcome.matchedTerms));
  if (content.some((token) => token.properNoun && !known.includes(token))) return false;
  if (topicNamed) return true;
  const carries = (test: (concept: string) => boolean) => known.some((token) => token.concepts.some(test));
  if (carries(isDomainConcept) && known.length * 2 >= content.length) return true;
  if (carries(isTopicalConcept) && known.length * 2 > content.length) return true;
  if (content.length >= 2 && known.length === content.length) return true;
  // Three or more of its own words found in the facts (a quoted phrase, a paraphrase): about what the facts say.
  return known.length >= 3 && known.length * 3 >= content.length * 2;
}

/** The noun a "how many"/"combien de" question counts (`employés`), unless it is a name: a fact must know it. */
function countedWord(question: AnalyzedQuestion, text: string): QuestionToken | undefined {
  const { tokens } = question;
  for (let i = 0; i < tokens.length; i++) {
    const opens =
      tokens[i]!.surface === 'combien' || (tokens[i]!.surface === 'many' && tokens[i - 1]?.surface === 'how');
    if (!opens) continue;
    // French counts with "combien de/d'" ("combien des records" measures a distance, "combien chacun" is a pronoun).
    const french = tokens[i]!.surface === 'combien';
    if (!french) return countable(tokens[i + 1]);
    const next = tokens[i + 1];
    // The tokenizer drops the elided "d'": read it from the text between the two words.
    if (next && /^\s+d['’]\s*$/u.test(text.slice(tokens[i]!.end, next.start))) return countable(next);
    return next?.surface === 'de' ? countable(tokens[i + 2]) : undefined;
  }
  return undefined;
}

const countable = (token: QuestionToken | undefined): QuestionToken | undefined =>
  token?.content && !token.inEntity && !token.answerType ? token : undefined;

/** "How many GPUs", "combien d'employés": things counted one by one, which only a count (or coins, watts, years) holds. */
const countsItems = (counted: QuestionToken, question: string): boolean =>
  /how\s+many/iu.test(question) || /[sx]$/u.test(counted.surface);

/**
 * Spans of the synonym table's phrases of several words ("stock de BTC" is holdings): read as a whole, their words
 * are no cue of another measure ("stock" alone is a share's).
 */
function topicPhrases(question: AnalyzedQuestion): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const { tokens } = question;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const shared = tokens[i]!.concepts.filter(
      (c) => isTopicalConcept(c) && tokens[i + 1]!.concepts.includes(c),
    );
    if (shared.length) spans.push({ start: tokens[i]!.start, end: tokens[i + 1]!.end });
  }
  return spans;
}

/** Whether a fact's matched terms cover a word: one of its stems or concepts. */
const covers = (terms: ReadonlySet<string>, token: QuestionToken): boolean =>
  token.stems.some((stem) => terms.has(stem)) ||
  token.concepts.some((concept) => terms.has(conceptTerm(concept)));

/**
 * Selects the few verified facts that answer a question (1 to `limit`), best first, or reports it off topic when
 * nothing does. A question naming a company, person, organisation or law only gets facts about it; one naming none
 * needs topical words the facts share.
 */
export function selectFacts(
  index: FactSearchIndex,
  question: string,
  lang: Lang,
  options: SelectOptions = {},
): FactSelection {
  const limit = Math.min(4, Math.max(1, options.limit ?? 3));
  const ratio = options.ratio ?? 0.5;
  const outcome = index.query(question, lang);
  const entitiesNamed = outcome.question.entityIds;
  const words = {
    namedWords: outcome.question.mentions.map((mention) => question.slice(mention.start, mention.end)),
    askedWords: askedWords(outcome.question, question),
    unknownNames: outcome.question.tokens
      .filter((token) => token.properNoun && !isKnown(token, outcome.matchedTerms))
      .map((token) => token.surface),
  };
  const none = { factIds: [], entitiesNamed, offTopic: true, ...words };
  const subjects = [...outcome.named]
    .filter(([, named]) => SUBJECT_TYPES.has(named.type) && named.specificity >= SUBJECT_SPECIFICITY)
    .map(([id]) => id);
  if (ADVICE.test(question)) return none;
  if (!subjects.length && !isOnTopic(outcome, entitiesNamed.length > 0)) return none;
  const asked = askedConcepts(outcome.question);
  const registry = options.measures ?? loadMeasures();
  const phrases = topicPhrases(outcome.question);
  const cued = asksFigure(outcome)
    ? [
        ...cuedMeasures(question, lang, registry, [...outcome.question.mentions, ...phrases]),
        // A topic phrase is no cue of another measure, but one that names a single measure ("convertible debt") asks it.
        ...phrases
          .map(({ start, end }) => cuedMeasures(question.slice(start, end), lang, registry))
          .filter((measures) => measures.length === 1)
          .flat(),
      ]
    : [];
  // "Did holdings rise": the change of a level named is asked as much as the level.
  if (asked.includes('growth') || asked.includes('decline'))
    cued.push(...registry.filter((m) => m.change?.of && cued.includes(m.change.of)).map((m) => m.id));
  const figure = asksFigure(outcome);
  const amount = figure && outcome.question.concepts.some((c) => c === 'howmuch' || c === 'money');
  const counted = countedWord(outcome.question, question);
  // A unit, a market, a share… named beside "how much": the amount is of something the question says.
  const hinted = outcome.question.concepts.some(
    (c) => !['howmuch', 'money', 'when', 'quote'].includes(c) && !isTopicalConcept(c),
  );
  const forecast = figure && FUTURE.test(question);
  const period = figure ? askedPeriod(outcome.question) : undefined;
  // "When will it take effect": a date ahead of the facts, which only a plan or a deadline holds.
  const ahead = outcome.question.concepts.includes('when') && FUTURE.test(question);
  const answers = (meta: FactMeta, id: string) =>
    carriesAll(meta, asked) &&
    // A fact whose values carry no measure (written before measures) cannot be judged on it.
    (cued.length === 0 ||
      (meta.hasQuantity && meta.measures.length === 0) ||
      // "How many large miners…" asks a count of them, whatever other cue the sentence holds.
      (counted !== undefined && meta.hasCount) ||
      meta.measures.some((measure) => cued.includes(measure))) &&
    (!amount || meta.hasQuantity) &&
    // "How much is a bitcoin worth": an amount of nothing the question names, which no fact holds as such.
    (!amount ||
      cued.length > 0 ||
      asked.length > 0 ||
      counted !== undefined ||
      subjects.length > 0 ||
      hinted) &&
    (!forecast || meta.predicts) &&
    (!period || coversPeriod(meta.spans, period)) &&
    (!ahead || meta.plansAhead || meta.predicts) &&
    (!counted || covers(outcome.termsMatchedBy(id), counted)) &&
    (!counted || !countsItems(counted, question) || meta.hasCount);
  // A figure between two subjects ("how much did Microsoft invest in Bitfury") needs a fact about both.
  const together = figure && subjects.length > 1 && !COMPARING.test(question);
  const accept = together
    ? (meta: FactMeta, id: string) => subjects.every((s) => meta.entities.includes(s)) && answers(meta, id)
    : answers;
  // Hits come best first, so the first `limit` candidates hold every one that clears the ratio.
  const candidates = outcome.best(limit, subjects, accept);
  const best = candidates[0];
  if (!best) {
    const related = outcome.best(2, subjects).map((hit) => hit.factId);
    if (!related.length) return none;
    return { ...none, unanswerable: true, related, subjects, asked };
  }
  const factIds = candidates.filter((hit) => hit.score >= best.score * ratio).map((hit) => hit.factId);
  return { factIds, entitiesNamed, offTopic: false, subjects, asked, ...words };
}
