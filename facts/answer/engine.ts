import type { Entity, Fact, Lang } from '../schema/index.ts';
import type { FactSelection } from '../search/index.ts';
import { createVerifier } from '../verify/index.ts';
import { comparablePair, relationOf } from './compare.ts';
import { gateLlmText } from './gate.ts';
import { buildPrompt, readCitations } from './prompt.ts';
import { resolveQuestion } from './resolve.ts';
import { composeTemplatedAnswer, distinctSources, latestAsOf, type TemplatedAnswer } from './template.ts';
import type {
  Answer,
  Answerer,
  AnswerRequest,
  AnswerSubject,
  LlmClient,
  LlmFailureCode,
  Translate,
} from './types.ts';

/** What the engine needs from the outside; the composition root wires the store, the search index and the LLM. */
export interface AnswererDeps {
  getFact(id: string): Fact | undefined;
  entities(): readonly Entity[];
  /** The few verified facts that answer a question, lead first, or none (off topic, or on topic but unanswerable). */
  select(question: string, lang: Lang): FactSelection;
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

  const verifiedFacts = (ids: readonly string[]): Fact[] =>
    ids.map((id) => deps.getFact(id)).filter((fact): fact is Fact => fact?.status === 'verified');

  /** "No verified fact answers this", then facts about its subject clearly labelled as related, never as the answer. */
  function unknown(lang: Lang, relatedIds: readonly string[], subject: AnswerSubject): Answer {
    const t = deps.translate(lang);
    const related = composeTemplatedAnswer(verifiedFacts(relatedIds), deps.entities(), lang, t);
    const lines = [t('answer:unknown')];
    if (related.facts.length) lines.push(`${t('answer:related')} ${related.text}`);
    return {
      ...unanswered(lang),
      text: lines.join(' '),
      numbers: related.numbers,
      verified: related.facts.length === 0 || related.verified,
      related: related.facts,
      sources: related.sources,
      subject,
    };
  }

  /** For two sides, the stored values' relation in words; none when they are not comparable. */
  function relationText(sides: readonly Fact[], labels: readonly string[], t: Translate): string | undefined {
    if (sides.length !== 2) return undefined;
    const pair = comparablePair(sides[0]!, sides[1]!);
    if (!pair) return undefined;
    const relation = relationOf(...pair);
    if (relation.kind === 'equal') return t('answer:compare.equal');
    if (relation.kind === 'opposite')
      return t('answer:compare.opposite', { up: labels[relation.up], down: labels[1 - relation.up] });
    return t('answer:compare.larger', { larger: labels[relation.larger] });
  }

  /** Each side's lead fact, preferring a pair whose figures share a unit, so the two can be set side by side. */
  const comparableLeads = (sides: readonly FactSelection[]): string[] => {
    const [a, b] = [verifiedFacts(sides[0]!.factIds), verifiedFacts(sides[1]!.factIds)];
    for (let reach = 0; reach < a.length + b.length; reach++)
      for (let i = 0; i <= reach && i < a.length; i++) {
        const j = reach - i;
        if (j < b.length && a[i]!.id !== b[j]!.id && comparablePair(a[i]!, b[j]!))
          return [a[i]!.id, b[j]!.id];
      }
    return sides.map((side) => side.factIds[0]!);
  };

  /** A side's name in the relation: its lead fact's entity, or its measure words when both sides share the entity. */
  const labelsOf = (facts: readonly Fact[], sides: readonly FactSelection[], lang: Lang): string[] => {
    const byId = new Map(deps.entities().map((entity) => [entity.id, entity]));
    const names = facts.map((fact) => byId.get(fact.entities[0] ?? '')?.name[lang] ?? '');
    const distinct = names[0] !== names[1] && names.every(Boolean);
    return sides.map((side, i) => (distinct ? names[i]! : side.askedWords.join(', ') || names[i]!));
  };

  return {
    async answer(request) {
      const { lang } = request;
      const resolved = resolveQuestion(request.question, lang, deps.select, request.previous);
      const { sides, subject } = resolved;
      if (sides.some((side) => side.offTopic && !side.unanswerable)) return { ...unanswered(lang), subject };
      if (sides.some((side) => side.unanswerable))
        return unknown(lang, [...new Set(sides.flatMap((side) => side.related ?? []))], subject);
      const comparing = sides.length > 1;
      const ids = comparing ? comparableLeads(sides) : sides[0]!.factIds;
      const facts = verifiedFacts([...new Set(ids)]);
      if (facts.length === 0) return { ...unanswered(lang), subject };
      const entities = deps.entities();
      const t = deps.translate(lang);
      const template = composeTemplatedAnswer(facts, entities, lang, t);
      if (template.facts.length === 0) return { ...unanswered(lang), subject };
      const relation =
        comparing && template.facts.length === 2
          ? relationText(facts, labelsOf(facts, sides, lang), t)
          : undefined;
      if (relation) template.text = `${template.text} ${relation}`;
      if (request.mode === 'template') return { ...fromTemplate(lang, template), subject };
      const llm = await tryLlm(request, facts, entities);
      if (typeof llm !== 'string') return { ...llm, subject };
      if (llm !== 'llmUnavailable') deps.log.warn('llmFallback', { reason: llm, askerId: request.askerId });
      return { ...fromTemplate(lang, template, llm), subject };
    },
  };
}
