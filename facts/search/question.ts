import type { Entity, Lang } from '../schema/index.ts';
import { type AnalyzedToken, analyzeText, symbolConcepts } from './analyze.ts';
import { isTopicalConcept, stemWord } from './concepts.ts';
import { type EntityMention, findEntitiesIn } from './entity-matching.ts';
import { isStopWord } from './stopwords.ts';

/** A word of the question, with what the off-topic decision needs to know about it. */
export interface QuestionToken extends AnalyzedToken {
  /** Part of a registry entity's name. */
  inEntity: boolean;
  /** Written with a capital where a sentence does not start, or all in capitals: a name the reader means. */
  properNoun: boolean;
  /** Carries a topic of the bot (not an intent, a unit or a period), or is an ordinary content word. */
  content: boolean;
  /** The noun after "which", "quelle": what kind of thing the answer names ("which miner"), not what it holds. */
  answerType: boolean;
  /** Its stem in the question's language, then in the other one, for a reader writing in the other language. */
  stems: string[];
}

/** A question read for search: its words, concepts and named entities. */
export interface AnalyzedQuestion {
  lang: Lang;
  tokens: QuestionToken[];
  /** Stems (both languages) of the words that are not stop words and carry a topic or content. */
  words: string[];
  /** Stems of words that only carry an intent, a unit or a period (`company`, `worth`, `september`). */
  genericWords: string[];
  concepts: string[];
  mentions: EntityMention[];
  entityIds: string[];
}

const WHICH: ReadonlySet<string> = new Set(['which', 'what', 'quel', 'quelle', 'quels', 'quelles']);
/** Nouns for a kind of company, person or body: after "which", the kind the answer names ("which miner"). */
const KINDS: ReadonlySet<string> = new Set(
  `company companies firm firms miner miners bank banks business businesses person people executive executives
  secretary official officials regulator regulators exchange exchanges institution institutions country countries
  analyst analysts investor investors founder ceo group groups boite boites entreprise entreprises societe societes
  firme firmes mineur mineurs banque banques personne personnes dirigeant dirigeants secretaire responsable
  regulateur pays analyste analystes investisseur investisseurs fondateur pdg groupe groupes`.split(/\s+/),
);
const CAPITAL_FIRST = /^\p{Lu}/u;
const CAPITAL = /\p{Lu}/u;
const OPENING = /[\s«"'“(]/;

/** Whether a word opens a sentence: only spaces, quotes or brackets stand between it and a full stop or the start. */
function sentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = text[i]!;
    if ('.!?:;\n'.includes(char)) return true;
    if (!OPENING.test(char)) return false;
  }
  return true;
}

/** Reads a question in its language: words, concepts (synonyms, intents), registry entities and proper nouns. */
export function analyzeQuestion(question: string, lang: Lang, entities: readonly Entity[]): AnalyzedQuestion {
  const mentions = findEntitiesIn(question, entities);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const tokens: QuestionToken[] = analyzeText(question, lang).map((token) => {
    const { surface, start, end, stem, stop, concepts } = token;
    const original = question.slice(start, end);
    const inEntity = mentions.some((m) => start < m.end && end > m.start);
    const capital = CAPITAL_FIRST.test(original);
    // `1B`, `Q3` or `10X` are amounts and periods, not names.
    const allCaps =
      original.length >= 2 &&
      original === original.toUpperCase() &&
      CAPITAL.test(original) &&
      !/\d/.test(original);
    const properNoun = !stop && !inEntity && (allCaps || (capital && !sentenceStart(question, start)));
    const intentOnly = concepts.length > 0 && !concepts.some(isTopicalConcept);
    // A stop word of the other language is no content either: readers mix languages.
    const content = !stop && !isStopWord(surface, other) && !inEntity && !intentOnly;
    // Names are indexed under every form already; a second stem would count them twice.
    const otherStem = inEntity ? stem : stemWord(surface, other);
    const stems = otherStem === stem ? [stem] : [stem, otherStem];
    return {
      surface,
      start,
      end,
      stem,
      stop,
      concepts,
      inEntity,
      properNoun,
      content,
      stems,
      answerType: false,
    };
  });
  // The noun a "which"/"quelle" question names is the kind of its answer: it weighs as a hint, not as a topic.
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (WHICH.has(token.surface) && next && KINDS.has(next.surface) && !next.inEntity) {
      next.answerType = true;
      next.content = false;
    }
  });
  const words = unique(tokens.filter((t) => !t.stop && (t.content || t.inEntity)).flatMap((t) => t.stems));
  const genericWords = unique(tokens.filter((t) => !t.stop && !t.content && !t.inEntity).map((t) => t.stem));
  const concepts = unique([...tokens.flatMap((t) => t.concepts), ...symbolConcepts(question)]);
  return {
    lang,
    tokens,
    words,
    genericWords,
    concepts,
    mentions,
    entityIds: unique(mentions.map((m) => m.entityId)),
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
