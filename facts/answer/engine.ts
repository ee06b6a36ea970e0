import type { Entity, Fact, Lang } from '../schema/index.ts';
import { createVerifier } from '../verify/index.ts';
import { gateLlmText } from './gate.ts';
import { buildPrompt, readCitations } from './prompt.ts';
import { composeTemplatedAnswer, distinctSources, latestAsOf, type TemplatedAnswer } from './template.ts';
import type { Answer, Answerer, AnswerRequest, LlmClient, LlmFailureCode, Translate } from './types.ts';

/** What the engine needs from the outside; the composition root wires the store, the search index and the LLM. */
export interface AnswererDeps {
  getFact(id: string): Fact | undefined;
  entities(): readonly Entity[];
  /** The few verified facts that answer a question, lead first, or none. */
  select(question: string, lang: Lang): { factIds: string[]; offTopic: boolean };
  translate(lang: Lang): Translate;
  llm?: LlmClient;
  /** Per-user and global limits on LLM calls. */
  allowLlm?(askerId: string | undefined): boolean;
  log: { info(event: string, fields?: object): void; warn(event: string, fields?: object): void };
}

/** Longest LLM answer shown; a longer one is treated as malformed. */
const MAX_LLM_CHARS = 1500;

export function createAnswerer(deps: AnswererDeps): Answerer {
  const unanswered = (lang: Lang): Answer => {
    const t = deps.translate(lang);
    return {
      answered: false,
      lang,
      text: `${t('answer:noFacts')} ${t('answer:covers')}`,
      facts: [],
      verified: true,
      mode: 'template',
      numbers: [],
      sources: [],
    };
  };
  const fromTemplate = (lang: Lang, template: TemplatedAnswer, fallbackReason?: LlmFailureCode): Answer => ({
    answered: true,
    lang,
    ...template,
    mode: fallbackReason ? 'fallback' : 'template',
    ...(fallbackReason ? { fallbackReason } : {}),
  });

  async function tryLlm(
    request: AnswerRequest,
    facts: Fact[],
    entities: readonly Entity[],
  ): Promise<Answer | LlmFailureCode> {
    if (!deps.llm) return 'llmUnavailable';
    if (deps.allowLlm && !deps.allowLlm(request.askerId)) return 'llmLimited';
    const t = deps.translate(request.lang);
    const prompt = buildPrompt(
      request.question,
      facts,
      new Map(entities.map((entity) => [entity.id, entity])),
      request.lang,
      t,
    );
    const result = await deps.llm.complete({ ...prompt, maxTokens: 500 });
    if (!result.ok) return result.code;
    deps.log.info('llmUsage', { askerId: request.askerId, ...result.usage });
    const { text, cited } = readCitations(result.text);
    const given = new Set(facts.map((fact) => fact.id));
    if (!text || text.length > MAX_LLM_CHARS || cited.some((id) => !given.has(id))) {
      deps.log.warn('llmRejected', {
        reason: 'llmMalformed',
        text: result.text.slice(0, MAX_LLM_CHARS),
        cited,
      });
      return 'llmMalformed';
    }
    const gate = gateLlmText(text, request.lang);
    if (!gate.ok) {
      deps.log.warn('llmRejected', { reason: gate.code, text, ...gate });
      return gate.code;
    }
    const report = createVerifier(facts, entities).verify(text, request.lang);
    if (!report.ok) {
      const failures = report.numbers.filter((number) => number.status !== 'verified');
      deps.log.warn('llmRejected', { reason: 'llmUnverified', text, failures });
      return 'llmUnverified';
    }
    const used = cited.length ? facts.filter((fact) => cited.includes(fact.id)) : facts;
    return {
      answered: true,
      lang: request.lang,
      text,
      facts: used.map((fact) => fact.id),
      verified: true,
      mode: 'llm',
      numbers: report.numbers,
      sources: distinctSources(used),
      asOf: latestAsOf(used),
    };
  }

  return {
    async answer(request) {
      const selection = deps.select(request.question, request.lang);
      const facts = selection.factIds
        .map((id) => deps.getFact(id))
        .filter((fact): fact is Fact => fact?.status === 'verified');
      if (selection.offTopic || facts.length === 0) return unanswered(request.lang);
      const entities = deps.entities();
      const template = composeTemplatedAnswer(facts, entities, request.lang, deps.translate(request.lang));
      if (template.facts.length === 0) return unanswered(request.lang);
      if (request.mode === 'template') return fromTemplate(request.lang, template);
      const llm = await tryLlm(request, facts, entities);
      if (typeof llm !== 'string') return llm;
      if (llm !== 'llmUnavailable') deps.log.warn('llmFallback', { reason: llm, askerId: request.askerId });
      return fromTemplate(request.lang, template, llm);
    },
  };
}
