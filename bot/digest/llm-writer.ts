import type { Translate } from '../../commands/index.ts';
import { factsBlock, gateLlmText, readCitations } from '../../facts/answer/index.ts';
import type { LlmClient } from '../../facts/answer/types.ts';
import type { DigestData } from '../../facts/digest/types.ts';
import type { Entity, Lang } from '../../facts/schema/index.ts';
import type { Logger } from '../log.ts';
import type { DigestWriter } from './build.ts';

/**
 * The digest in prose by the LLM, from the digest's facts only. Its text passes the same gate as an LLM answer (the
 * digest's language; no link, mention, heading or code) and is then verified by the digest builder; any failure
 * leaves the templated digest in place, and the reason is logged.
 */
export function createLlmDigestWriter(
  llm: LlmClient,
  entities: () => readonly Entity[],
  translate: (lang: Lang) => Translate,
  log?: Pick<Logger, 'warn'>,
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
    if (!result.ok) {
      log?.warn('digestLlmRejected', { lang, reason: result.code });
      return undefined;
    }
    const { text } = readCitations(result.text);
    const gate = gateLlmText(text, lang);
    if (!gate.ok) {
      log?.warn('digestLlmRejected', { lang, reason: gate.code, text, ...gate });
      return undefined;
    }
    return text;
  };
}
