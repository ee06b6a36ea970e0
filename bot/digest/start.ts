import type { Client } from 'discord.js';
import { ok, type Result } from '../../facts/result.ts';
import type { SettingsRepository } from '../../facts/settings.ts';
import type { FactRepository } from '../../facts/store/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { DigestWriter } from './build.ts';
import { DigestLog } from './digest-log.ts';
import { createDiscordDigestChannel } from './discord-poster.ts';
import { DigestScheduler } from './scheduler.ts';
import { loadTranslators, snapshotSource } from './source.ts';

export interface StartDigestsOptions {
  client: Client;
  settings: SettingsRepository;
  store: FactRepository;
  config: Pick<Config, 'dataDir' | 'BRIEFING_DIGEST_CATCHUP_HOURS'>;
  /** The log, when the caller opened it already (to refuse a corrupt one before connecting). */
  log?: DigestLog;
  logger: Logger;
  now?: () => Date;
  writer?: DigestWriter;
  llmAvailable?: boolean;
}

export interface RunningDigests {
  scheduler: DigestScheduler;
  log: DigestLog;
  stop(): Promise<void>;
}

/**
 * Opens `digests.json` in the data folder and starts the scheduler on the logged-in client: a tick now (the
 * catch-up after downtime), then at each server's next time and every 30 s. A corrupt log refuses to start.
 */
export async function startDigests(options: StartDigestsOptions): Promise<Result<RunningDigests>> {
  const opened = options.log ? ok(options.log) : await DigestLog.open(options.config.dataDir);
  if (!opened.ok) return opened;
  const log = opened.value;
  const scheduler = new DigestScheduler({
    now: options.now ?? (() => new Date()),
    settings: options.settings,
    log,
    channel: createDiscordDigestChannel(options.client),
    loadSource: () => snapshotSource(options.store),
    translate: await loadTranslators(),
    logger: options.logger,
    catchUpHours: options.config.BRIEFING_DIGEST_CATCHUP_HOURS,
    ...(options.writer ? { writer: options.writer } : {}),
    llmAvailable: options.llmAvailable ?? false,
  });
  scheduler.start();
  return ok({
    scheduler,
    log,
    stop: async () => {
      await scheduler.stop();
      await log.close();
    },
  });
}
