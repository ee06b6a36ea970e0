import type { Lang, Source } from '../schema/index.ts';
import type { CheckedNumber } from '../verify/types.ts';

export type AnswerMode = 'template' | 'llm' | 'fallback';

/** An answer as a reader gets it, with what backs it. The shape of `briefing ask --json`. */
export interface Answer {
  /** False when no verified fact answers the question (the reader is told so, with what the bot covers). */
  answered: boolean;
  lang: Lang;
  text: string;
  /** Ids of the facts the answer is drawn from, lead first. */
  facts: string[];
  verified: boolean;
  mode: AnswerMode;
  numbers: CheckedNumber[];
  sources: Source[];
  /** The latest `asOf` of the facts used. */
  asOf?: string;
  /** Why an LLM answer was not shown (`llmUnavailable`, `llmTimeout`, `llmRateLimited`, `llmUnverified`…). */
  fallbackReason?: string;
  /** Facts shown after "no verified fact answers this", labelled as related: they do not answer the question. */
  related?: string[];
  /** What the question was about, for a follow-up that names no subject of its own. */
  subject?: AnswerSubject;
}

/** The subject of a question as the reader wrote it: entity names and the words saying what was asked. */
export interface AnswerSubject {
  namedWords: string[];
  askedWords: string[];
}

export interface AnswerRequest {
  question: string;
  lang: Lang;
  mode: 'template' | 'llm';
  /** Who asks, for per-user LLM limits. */
  askerId?: string;
  /** The subject of the same reader's previous question, when recent: a follow-up naming no entity reuses it. */
  previous?: AnswerSubject;
}

/** Answers questions from the verified facts; the bot and the CLI share one. */
export interface Answerer {
  answer(request: AnswerRequest): Promise<Answer>;
}

/** Looks up words in the reader's language (`answer:noFacts`…). facts/ never holds the words themselves. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Why an LLM call gave no usable text; each is a key of `locales/<lng>/errors.json`. */
export type LlmFailureCode =
  | 'llmUnavailable'
  | 'llmLimited'
  | 'llmTimeout'
  | 'llmRateLimited'
  | 'llmOverloaded'
  | 'llmRefused'
  | 'llmMalformed'
  | 'llmError'
  | 'llmUnverified'
  | 'llmWrongLanguage'
  | 'llmUnsafe';

export type LlmResult =
  | { ok: true; text: string; usage: { inputTokens: number; outputTokens: number } }
  | { ok: false; code: LlmFailureCode; status?: number };

/** A language model behind an interface: the composition root plugs the Anthropic SDK in. */
export interface LlmClient {
  complete(request: { system: string; user: string; maxTokens: number }): Promise<LlmResult>;
}
