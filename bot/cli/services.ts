import type { Services } from '../../commands/index.ts';
import { ok, type Result } from '../../facts/result.ts';
import { composeAnswerer, limitsFromConfig, llmFromConfig } from '../answerer.ts';
import type { Config } from '../config.ts';
import type { DigestWriter } from '../digest/build.ts';
import type { DigestLogStore } from '../digest/digest-log.ts';
import { createLlmDigestWriter } from '../digest/llm-writer.ts';
import { createDigestPreview } from '../digest/preview.ts';
import { loadTranslators, snapshotSource } from '../digest/source.ts';
import { createFollowUpMemory } from '../follow-ups.ts';
import { loadI18n } from '../i18n.ts';
import type { Logger } from '../log.ts';
import { createLiveIndex } from './live-index.ts';
import { openStores } from './stores.ts';

/** The services both transports run on, and how to release them (stores, files). */
export interface OpenedServices {
  services: Services;
  /** Writes the digest in prose when an LLM is configured (the digest scheduler verifies it). */
  digestWriter?: DigestWriter;
  /** The digest log shared by every process (PostgreSQL); absent: the data folder's `digests.json`. */
  openDigestLog?: (now: () => Date) => DigestLogStore;
  close(): Promise<void>;
}

/** Opens the services from the configuration; a refusal is a failure. */
export type ServicesOpener = (config: Config, log: Logger) => Promise<Result<OpenedServices>>;

/** The services every transport runs on: the fact store and its index, answers, settings, digests. */
export async function openServices(config: Config, log: Logger): Promise<Result<OpenedServices>> {
  const stores = await openStores(config, log);
  if (!stores.ok) return stores;
  for (const warning of stores.value.warnings) log.warn('storeWarning', { warning });
  const { store, settings } = stores.value;
  const live = createLiveIndex(
    () => store.listFacts(),
    () => store.listEntities(),
  );
  const search = live.index;
  const unsubscribe = stores.value.onExternalChange?.((change) => live.apply(change));
  const i18n = await loadI18n();
  const llm = llmFromConfig(config);
  const translate = await loadTranslators();
  const limits = stores.value.llmLimits ?? limitsFromConfig(config);
  const digestWriter = llm
    ? createLlmDigestWriter(llm, () => store.listEntities(), translate, log)
    : undefined;
  const services: Services = {
    store,
    search,
    answerer: composeAnswerer(store, search, i18n, config, log, llm, limits),
    settings,
    previewDigest: createDigestPreview({
      loadSource: () => snapshotSource(store),
      settings,
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
    ...(stores.value.openDigestLog ? { openDigestLog: stores.value.openDigestLog } : {}),
    close: async () => {
      unsubscribe?.();
      await stores.value.close();
    },
  });
}
