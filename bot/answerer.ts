import type { i18n } from 'i18next';
import { createAnswerer } from '../facts/answer/index.ts';
import type { Answerer, LlmClient } from '../facts/answer/types.ts';
import type { FactSearchIndex } from '../facts/search/index.ts';
import { selectFacts } from '../facts/search/index.ts';
import type { FactRepository } from '../facts/store/index.ts';
import type { Config } from './config.ts';
import { asTranslate, fixedT } from './i18n.ts';
import { createAnthropicClient } from './llm/anthropic.ts';
import { createLlmLimits, type LlmLimits } from './llm/limits.ts';
import type { Logger } from './log.ts';

/** The Anthropic client when a key is configured, else none (answers stay templated). */
export const llmFromConfig = (config: Config): LlmClient | undefined =>
  config.ANTHROPIC_API_KEY
    ? createAnthropicClient({
        apiKey: config.ANTHROPIC_API_KEY,
        model: config.ANTHROPIC_MODEL,
        timeoutMs: config.BRIEFING_LLM_TIMEOUT_MS,
        ...(config.ANTHROPIC_BASE_URL ? { baseURL: config.ANTHROPIC_BASE_URL } : {}),
      })
    : undefined;

/** The per-user and global LLM limits from the configuration; `/ask` and `/digest preview` share one. */
export const limitsFromConfig = (config: Config): LlmLimits =>
  createLlmLimits(config.BRIEFING_LLM_USER_PER_HOUR, config.BRIEFING_LLM_GLOBAL_PER_MINUTE);

/** The answer engine on the live store and index, with the configured LLM and its limits. */
export function composeAnswerer(
  store: FactRepository,
  index: FactSearchIndex,
  i18n: i18n,
  config: Config,
  log: Logger,
  llm: LlmClient | undefined = llmFromConfig(config),
  limits: LlmLimits = limitsFromConfig(config),
): Answerer {
  return createAnswerer({
    getFact: (id) => store.getFact(id),
    entities: () => store.listEntities(),
    select: (question, lang) => selectFacts(index, question, lang),
    translate: (lang) => asTranslate(fixedT(i18n, lang)),
    ...(llm ? { llm } : {}),
    allowLlm: (askerId) => limits.allow(askerId),
    log,
  });
}
