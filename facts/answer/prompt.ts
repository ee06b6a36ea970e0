import { formatValue, renderFactText } from '../numbers/index.ts';
import type { Entity, Fact, Lang } from '../schema/index.ts';
import type { Translate } from './types.ts';

/** The question is data: it is fenced, and anything that would close the fence is neutralized. */
export const fenceQuestion = (question: string): string =>
  `<question>\n${question.replace(/<\/?\s*question\s*>/gi, '[tag]').slice(0, 2000)}\n</question>`;

/** The facts the model may use, as data: id, text, values, speaker, sources. Nothing else reaches the model. */
export function factsBlock(
  facts: readonly Fact[],
  entities: ReadonlyMap<string, Entity>,
  lang: Lang,
): string {
  const lines = facts.map((fact) =>
    JSON.stringify({
      id: fact.id,
      kind: fact.kind,
      text: renderFactText(fact, lang),
      values: fact.values.map((value) => formatValue(value, lang)),
      ...(fact.quote
        ? { speaker: entities.get(fact.quote.speaker)?.name[lang], original: fact.quote.original }
        : {}),
      concerns: fact.entities.map((id) => entities.get(id)?.name[lang] ?? id),
      asOf: fact.asOf,
      sources: fact.sources.map((source) => `${source.publisher}, ${source.date}`),
    }),
  );
  return `<facts>\n${lines.join('\n')}\n</facts>`;
}

/** System and user messages for one question, in the asker's language. The instructions live in `locales/<lng>/llm.json`. */
export function buildPrompt(
  question: string,
  facts: readonly Fact[],
  entities: ReadonlyMap<string, Entity>,
  lang: Lang,
  t: Translate,
): { system: string; user: string } {
  return {
    system: t('llm:system', { language: t(`answer:langName.${lang}`) }),
    user: `${factsBlock(facts, entities, lang)}\n\n${fenceQuestion(question)}\n\n${t('llm:task')}`,
  };
}

const CITATION = /\s*\[([a-z0-9]+(?:-[a-z0-9]+)*)\]/g;

/** The fact ids an answer cites as `[id]`, and its text without them (what the reader sees). */
export function readCitations(text: string): { text: string; cited: string[] } {
  const cited = [...new Set([...text.matchAll(CITATION)].map((match) => match[1]!))];
  return {
    text: text
      .replace(CITATION, '')
      .replace(/[ \t]+([.,;:!?])/g, '$1')
      .trim(),
    cited,
  };
}
