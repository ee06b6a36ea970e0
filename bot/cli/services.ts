import type { Services } from '../../commands/index.ts';
import { ok, type Result } from '../../facts/result.ts';
import { createFactIndex } from '../../facts/search/index.ts';
import { composeAnswerer, limitsFromConfig, llmFromConfig } from '../answerer.ts';
import type { Config } from '../config.ts';
import type { DigestWriter } from '../digest/build.ts';
import { createLlmDigestWriter } from '../digest/llm-writer.ts';
import { createDigestPreview } from '../digest/preview.ts';
import { loadTranslators, snapshotSource } from '../digest/source.ts';
import { createFollowUpMemory } from '../follow-ups.ts';
import { loadI18n } from '../i18n.ts';
import type { Logger } from '../log.ts';
import { openFactStore } from '../open-store.ts';
import { openSettingsStore } from '../settings-store.ts';

/** The services both transports run on, and how to release them (stores, files). */
export interface OpenedServices {
  services: Services;
  /** Writes the digest in prose when an LLM is configured (the digest scheduler verifies it). */
  digestWriter?: DigestWriter;
  close(): Promise<void>;
}

/** Opens the services from the configuration; a refusal is a failure. */
export type ServicesOpener = (config: Config, log: Logger) => Promise<Result<OpenedServices>>;

/** The services every transport runs on: the fact store and its index, answers, settings, digests. */
export async function openServices(config: Config, log: Logger): Promise<Result<OpenedServices>> {
  const facts = await openFactStore(config);
  if (!facts.ok) return facts;
  for (const warning of facts.value.warnings) log.warn('storeWarning', { warning });
  const settings = await openSettingsStore(config.dataDir);
  if (!settings.ok) {
    await facts.value.store.close();
    return settings;
  }
  const store = facts.value.store;
  const search = createFactIndex(store.listFacts(), store.listEntities());
  const i18n = await loadI18n();
  const llm = llmFromConfig(config);
  const translate = await loadTranslators();
  const limits = limitsFromConfig(config);
  const digestWriter = llm
    ? createLlmDigestWriter(llm, () => store.listEntities(), translate, log)
    : undefined;
  const services: Services = {
    store,
    search,
    answerer: composeAnswerer(store, search, i18n, config, log, llm, limits),
    settings: settings.value,
    previewDigest: createDigestPreview({
      loadSource: () => snapshotSource(store),
      settings: settings.value,
      translate,
      now: () => new Date(),
      logger: log,
      ...(digestWriter ? { writer: digestWriter, llmAvailable: true } : {}),
      allowLlm: (askerId) => limits.allow(askerId),
    }),
    llmAvailable: Boolean(llm),
    followUps: createFollowUpMemory(),
    now: () => new Date(),
    log,
  };
  return ok({
    services,
    ...(digestWriter ? { digestWriter } : {}),
    close: async () => {
      await settings.value.close();
      await store.close();
    },
  });
}
