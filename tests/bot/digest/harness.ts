import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Events } from 'discord.js';
import { DigestLog } from '../../../bot/digest/digest-log.ts';
import { createDiscordDigestChannel } from '../../../bot/digest/discord-poster.ts';
import { readDigestMarker } from '../../../bot/digest/pack.ts';
import { DigestScheduler, type DigestSchedulerDeps } from '../../../bot/digest/scheduler.ts';
import { loadTranslators } from '../../../bot/digest/source.ts';
import { createLogger } from '../../../bot/log.ts';
import { openSettingsStore, type SettingsStore } from '../../../bot/settings-store.ts';
import type { DigestSettings, GuildSettings } from '../../../facts/settings.ts';
import { addVerified, newFigure, snapshot, storeAt } from '../../facts/digest/fixtures.ts';
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from '../../support/fake-discord.ts';

/** A server of the test: its ids and its settings (digest on, in its channel, unless said otherwise). */
export interface TestGuild {
  guildId: string;
  channelId: string;
  lang?: GuildSettings['lang'];
  digest?: Partial<DigestSettings>;
  /** Not a channel Discord knows (deleted). */
  deleted?: boolean;
}

export interface LogLine {
  level: string;
  event: string;
  [field: string]: unknown;
}

/** A fake Discord, a real discord.js client logged in to it, real settings and digest files, and a clock. */
export interface Harness {
  fake: FakeDiscord;
  client: Client;
  dir: string;
  settings: SettingsStore;
  lines: LogLine[];
  setNow(iso: string | Date): void;
  now(): Date;
  /** A new scheduler on the same files: a restarted bot, or a second process. */
  scheduler(extra?: Partial<DigestSchedulerDeps>): Promise<DigestScheduler>;
  /** Digest messages Discord accepted in a channel. */
  posts(channelId: string): RecordedRequest[];
  /** The local dates of the digests in a channel's history, one entry per message. */
  postedDates(channelId: string): string[];
  /** Ticks `scheduler` at every step from `from` to `to` (inclusive). */
  sweep(scheduler: DigestScheduler, from: string, to: string, stepMinutes: number): Promise<void>;
  close(): Promise<void>;
}

const translators = loadTranslators();

/** Starts everything for `guilds`; facts: three verified figures from October 2025. */
export async function startHarness(guilds: TestGuild[]): Promise<Harness> {
  const fake = await startFakeDiscord({
    guilds: guilds.map((guild) => ({
      id: guild.guildId,
      name: `Server ${guild.guildId.slice(-3)}`,
      channels: guild.deleted ? [{ name: 'other' }] : [{ id: guild.channelId, name: 'digest' }],
    })),
  });
  const client = new Client(fake.clientOptions());
  client.on('error', () => undefined);
  const ready = once(client, Events.ClientReady);
  await client.login('test-token');
  await ready;

  const dir = await mkdtemp(join(tmpdir(), 'digest-'));
  const opened = await openSettingsStore(dir);
  if (!opened.ok) throw new Error(opened.code);
  const settings = opened.value;
  for (const guild of guilds) {
    await settings.updateGuild(guild.guildId, {
      lang: guild.lang ?? 'en',
      digest: { enabled: true, channelId: guild.channelId, time: '08:00', timeZone: 'UTC', ...guild.digest },
    });
  }
  const { store } = storeAt('2025-10-01T09:00:00Z');
  await addVerified(store, newFigure('iren-revenue', 'iren', 240));
  await addVerified(store, newFigure('bitfarms-loss', 'bitfarms', 46));
  await addVerified(store, newFigure('microsoft-deal', 'microsoft', 9700));

  let now = new Date('2025-11-04T00:00:00Z');
  const lines: LogLine[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: [],
    now: () => now,
    write: (line) => void lines.push(JSON.parse(line)),
  });
  const translate = await translators;

  const harness: Harness = {
    fake,
    client,
    dir,
    settings,
    lines,
    setNow: (at) => {
      now = new Date(at);
    },
    now: () => now,
    async scheduler(extra = {}) {
      const log = await DigestLog.open(dir);
      if (!log.ok) throw new Error(log.code);
      return new DigestScheduler({
        now: () => now,
        settings,
        log: log.value,
        channel: createDiscordDigestChannel(client, { sleep: async () => undefined, backoffMs: 1 }),
        loadSource: () => snapshot(store),
        translate,
        logger,
        ...extra,
      });
    },
    posts: (channelId) =>
      fake.requests.filter(
        (r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status === 200,
      ),
    postedDates: (channelId) =>
      fake
        .messages(channelId)
        .reverse()
        .map((message) => readDigestMarker(message.embeds.at(-1)?.footer?.text)?.localDate ?? '?'),
    async sweep(scheduler, from, to, stepMinutes) {
      for (let at = Date.parse(from); at <= Date.parse(to); at += stepMinutes * 60_000) {
        now = new Date(at);
        await scheduler.tick();
      }
    },
    async close() {
      await settings.close();
      await client.destroy();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Snowflake-shaped ids for test servers and channels. */
export const ids = (n: number) => ({ guildId: `10000000000000000${n}`, channelId: `20000000000000000${n}` });
