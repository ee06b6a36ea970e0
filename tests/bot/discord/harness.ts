import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'discord.js';
import { lookupFromResources } from '../../../bot/app/command-locales.ts';
import type { Config } from '../../../bot/config.ts';
import { createDiscordClient } from '../../../bot/discord/client.ts';
import { deployCommands } from '../../../bot/discord/deploy.ts';
import { createInteractionRouter } from '../../../bot/discord/router.ts';
import { runBot } from '../../../bot/discord/run-bot.ts';
import { loadI18n, readLocaleResources } from '../../../bot/i18n.ts';
import { createLogger } from '../../../bot/log.ts';
import { openSettingsStore, type SettingsStore } from '../../../bot/settings-store.ts';
import type { Command, Services } from '../../../commands/index.ts';
import { createFactIndex } from '../../../facts/search/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { openMemoryStore } from '../../../facts/store/index.ts';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from '../../support/fake-discord.ts';

export interface LogLine {
  level: string;
  event: string;
  [field: string]: unknown;
}

export interface BotHarness {
  fake: FakeDiscord;
  client: Client;
  services: Services;
  settings: SettingsStore;
  logs: LogLine[];
  /** Sends SIGTERM to the bot and resolves with its exit code. */
  stop(signal?: 'SIGINT' | 'SIGTERM'): Promise<number>;
  /** Stops the bot if still running, closes the fake and removes the temp folder. */
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  commands: readonly Command[];
  /** Replaces pieces of the services built from the seed (answerer, llmAvailable…), possibly from the base ones. */
  services?: Partial<Services> | ((base: Omit<Services, 'answerer'>) => Partial<Services>);
  fake?: FakeDiscordOptions;
  busyAfterMs?: number;
  /** Registers the commands with the fake first (option types then follow the definitions). */
  deploy?: boolean;
}

/**
 * The bot as `briefing bot` runs it — real discord.js client, router and run loop — against the fake Discord,
 * on services built from real pieces: the seed in a memory store, the search index, the settings store in a
 * temp folder, and the template answer engine (no LLM) unless a test replaces it.
 */
export async function startBotHarness(options: HarnessOptions): Promise<BotHarness> {
  const fake = await startFakeDiscord(options.fake);
  const dir = await mkdtemp(join(tmpdir(), 'bot-e2e-'));
  const opened = await openSettingsStore(dir);
  if (!opened.ok) throw new Error(opened.code);
  const settings = opened.value;
  const logs: LogLine[] = [];
  const log = createLogger({
    level: 'debug',
    secrets: ['fake-token'],
    write: (line) => logs.push(JSON.parse(line)),
  });
  const i18n = await loadI18n();
  const store = openMemoryStore(loadSeed, { fourEyes: true });
  const search = createFactIndex(store.listFacts(), store.listEntities());
  const config = {
    ANTHROPIC_API_KEY: undefined,
    BRIEFING_LLM_USER_PER_HOUR: 20,
    BRIEFING_LLM_GLOBAL_PER_MINUTE: 30,
  } as Config;
  const base = {
    store,
    search,
    settings,
    previewDigest: async () => [],
    llmAvailable: false,
    now: () => new Date(),
    log,
  };
  const overrides =
    typeof options.services === 'function' ? options.services(base) : (options.services ?? {});
  const services: Services = {
    ...base,
    // Loaded only when used, so router tests do not depend on the answer engine.
    answerer:
      overrides.answerer ??
      (await import('../../../bot/answerer.ts')).composeAnswerer(store, search, i18n, config, log, undefined),
    ...overrides,
  };
  if (options.deploy) {
    await deployCommands(
      options.commands.map((command) => command.data),
      lookupFromResources(readLocaleResources()),
      { token: 'fake-token', applicationId: fake.appId, apiBase: fake.apiBase, rest: { retries: 0 } },
    );
  }
  const client = createDiscordClient({
    apiBase: fake.apiBase,
    rest: { globalRequestsPerSecond: 1e6, offset: 0, timeout: 2000, retries: 0 },
    waitGuildTimeout: 1000,
  });
  client.on('error', () => undefined);
  const router = createInteractionRouter({
    commands: options.commands,
    services,
    i18n,
    log,
    ...(options.busyAfterMs === undefined ? {} : { busyAfterMs: options.busyAfterMs }),
  });
  const signals = new EventEmitter();
  let closed = false;
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const running = runBot({
    client,
    token: 'fake-token',
    router,
    log,
    signals,
    drainMs: 1000,
    close: async () => {
      closed = true;
      await settings.close();
      await store.close();
    },
    say: () => undefined,
    onReady: () => ready(),
  });
  await Promise.race([isReady, running.then((code) => Promise.reject(new Error(`bot exited with ${code}`)))]);
  const stop = async (signal: 'SIGINT' | 'SIGTERM' = 'SIGTERM') => {
    signals.emit(signal);
    return running;
  };
  return {
    fake,
    client,
    services,
    settings,
    logs,
    stop,
    cleanup: async () => {
      if (!closed) await stop();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until a condition holds (polling), for effects that follow a reply. */
export async function eventually<T>(read: () => T | undefined, timeoutMs = 2000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
