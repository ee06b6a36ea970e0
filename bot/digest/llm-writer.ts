import type { Translate } from '../../commands/index.ts';
import { factsBlock, readCitations } from '../../facts/answer/index.ts';
import type { LlmClient } from '../../facts/answer/types.ts';
import type { DigestData } from '../../facts/digest/types.ts';
import type { Entity, Lang } from '../../facts/schema/index.ts';
import type { DigestWriter } from './build.ts';

/**
 * The digest in prose by the LLM, from the digest's facts only. Whatever it writes is verified by the digest
 * builder before use; any failure (or an unverifiable number) leaves the templated digest in place.
 */
export function createLlmDigestWriter(
  llm: LlmClient,
  entities: () => readonly Entity[],
  translate: (lang: Lang) => Translate,
): DigestWriter {
  return async (data: DigestData, lang: Lang) => {
    const t = translate(lang);
    const facts = [...Object.values(data.changes).flat(), ...data.keyFigures].map((entry) => entry.fact);
    if (facts.length === 0) return undefined;
    const byId = new Map(entities().map((entity) => [entity.id, entity]));
    const result = await llm.complete({
      system: t('llm:digestSystem', { language: t(`answer:langName.${lang}`) }),
      user: `${factsBlock(facts, byId, lang)}\n\n${t('llm:digestTask')}`,
      maxTokens: 700,
    });
    return result.ok ? readCitations(result.text).text : undefined;
  };
}
