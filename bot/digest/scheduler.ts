import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Translate } from '../../commands/index.ts';
import type { Lang } from '../../facts/schema/index.ts';
import type { GuildSettings, SettingsRepository } from '../../facts/settings.ts';
import type { Logger } from '../log.ts';
import {
  buildDigest,
  createDigestKit,
  type DigestKit,
  type DigestSource,
  type DigestWriter,
} from './build.ts';
import { type DigestChannel, digestNonce, findPostedDigest } from './channel.ts';
import type { Claim, DigestLogStore } from './digest-log.ts';
import { recordFailure } from './failures.ts';
import type { ClaimOwner } from './log-schema.ts';
import { latestRun, nextRun, type ScheduledRun } from './schedule.ts';

const HOUR_MS = 3_600_000;

export interface DigestSchedulerDeps {
  now: () => Date;
  settings: SettingsRepository;
  log: DigestLogStore;
  channel: DigestChannel;
  /** A fresh snapshot of the store (facts, entities, audit trail). */
  loadSource: () => DigestSource | Promise<DigestSource>;
  translate: (lang: Lang) => Translate;
  logger: Logger;
  /** How late a digest may still go out after its time (BRIEFING_DIGEST_CATCHUP_HOURS, 6 by default). */
  catchUpHours?: number;
  /** How long a claim holds before another scheduler may take it over (15 min: longer than any send). */
  claimTtlMs?: number;
  /** After Discord failed (5xx, network), the wait before the next attempt, times the attempt number (5 min). */
  retryDelayMs?: number;
  /** Attempts per digest before giving up for the day (3). */
  maxAttempts?: number;
  writer?: DigestWriter;
  /** Whether an LLM key is set: `mode: llm` falls back to the template without one. */
  llmAvailable?: boolean;
  /** Servers posted at once (4). */
  concurrency?: number;
  /** The periodic check between precise wake-ups (30 s). */
  intervalMs?: number;
  timers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
}

/** What one tick did, by server and local date. */
export interface TickReport {
  posted: string[];
  recovered: string[];
  skipped: string[];
  failed: string[];
}

interface Due {
  guild: GuildSettings;
  run: ScheduledRun;
  /** Past the catch-up window: only find out whether an earlier attempt posted it, never send. */
  lookOnly: boolean;
}

/** The digest's languages for a server: both as two messages, French first. */
const langsOf = (guild: GuildSettings): Lang[] => (guild.lang === 'both' ? ['fr', 'en'] : [guild.lang]);

/**
 * Posts each server's digest once per local date. A tick finds the servers whose latest scheduled time has passed,
 * claims their digests in the shared log (so another process skips them), posts, and records `posted` only after
 * Discord accepted every message. A claim left by a crash is taken over after it expires, and the channel is read
 * first: a digest found there is recorded, not sent again.
 */
export class DigestScheduler {
  readonly owner: ClaimOwner = { id: randomUUID(), pid: process.pid, host: hostname() };
  readonly #deps: DigestSchedulerDeps;
  #ticking: Promise<TickReport> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = true;

  constructor(deps: DigestSchedulerDeps) {
    this.#deps = deps;
  }

  get #windowMs() {
    return (this.#deps.catchUpHours ?? 6) * HOUR_MS;
  }

  /** One pass over every server; overlapping calls share the pass in progress. */
  tick(): Promise<TickReport> {
    this.#ticking ??= this.#tick().finally(() => {
      this.#ticking = undefined;
    });
    return this.#ticking;
  }

  async #tick(): Promise<TickReport> {
    const { log, logger } = this.#deps;
    const report: TickReport = { posted: [], recovered: [], skipped: [], failed: [] };
    const now = this.#deps.now();
    await log.refresh();
    const due: Due[] = [];
    const missed: { guildId: string; localDate: string; scheduledAt: string }[] = [];
    for (const guild of this.#deps.settings.listGuilds()) {
      const { digest } = guild;
      if (!digest.enabled || !digest.channelId) continue;
      const run = latestRun(digest.time, digest.timeZone, now);
      if (!run) continue;
      const record = log.get(guild.guildId, run.localDate);
      if (record && (record.status === 'posted' || record.status === 'skipped')) continue;
      if (record?.status === 'failed' && !record.retryAt) continue;
      const late = now.getTime() - run.at.getTime() > this.#windowMs;
      if (late && !record)
        missed.push({ guildId: guild.guildId, localDate: run.localDate, scheduledAt: run.at.toISOString() });
      else due.push({ guild, run, lookOnly: late });
    }
    if (missed.length > 0) {
      const recorded = new Set(
        (await log.markSkipped(missed, 'outsideWindow', now)).map(
          (item) => `${item.guildId}:${item.localDate}`,
        ),
      );
      for (const item of missed.filter((entry) => recorded.has(`${entry.guildId}:${entry.localDate}`))) {
        logger.warn('digestSkipped', { ...item, reason: 'outsideWindow' });
        report.skipped.push(`${item.guildId}:${item.localDate}`);
      }
    }
    if (due.length === 0) return report;
    const claims = await log.claim(
      due.map(({ guild, run }) => ({ guildId: guild.guildId, localDate: run.localDate })),
      this.owner,
      now,
      this.#deps.claimTtlMs ?? 15 * 60_000,
    );
    if (claims.length === 0) return report;
    const kit = createDigestKit(await this.#deps.loadSource(), this.#deps.translate, {
      ...(this.#deps.writer && this.#deps.llmAvailable ? { writer: this.#deps.writer } : {}),
      log: logger,
    });
    const byGuild = new Map(due.map((item) => [item.guild.guildId, item]));
    const queue = [...claims];
    const worker = async () => {
      for (let claim = queue.shift(); claim; claim = queue.shift()) {
        await this.#runOne(claim, byGuild.get(claim.guildId)!, kit, report);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#deps.concurrency ?? 4, queue.length) }, worker));
    return report;
  }

  async #runOne(
    claim: Claim,
    { guild, run, lookOnly }: Due,
    kit: DigestKit,
    report: TickReport,
  ): Promise<void> {
    const { log, logger, channel } = this.#deps;
    const key = `${claim.guildId}:${claim.localDate}`;
    const channelId = guild.digest.channelId!;
    const fields = { guildId: claim.guildId, localDate: claim.localDate, channelId, attempt: claim.attempts };
    try {
      const found = claim.recovering
        ? await findPostedDigest(this.#deps.channel, channelId, claim.localDate)
        : new Map<Lang, string[]>();
      const langs = langsOf(guild);
      const ids = [...found.values()].flat();
      // All of it found, or (too late to send the rest) any of it: record what Discord has, send nothing.
      if (claim.recovering && (langs.every((lang) => found.has(lang)) || (lookOnly && ids.length > 0))) {
        await log.markPosted(claim, ids, this.#deps.now(), true);
        logger.info('digestRecovered', { ...fields, messageIds: ids });
        report.recovered.push(key);
        return;
      }
      if (lookOnly) {
        await log.markSkipped([claim], 'outsideWindow', this.#deps.now());
        logger.warn('digestSkipped', {
          ...fields,
          reason: 'outsideWindow',
          scheduledAt: run.at.toISOString(),
        });
        report.skipped.push(key);
        return;
      }
      const since = log.lastPostedAt(claim.guildId) ?? new Date(run.at.getTime() - 24 * HOUR_MS);
      const mode = guild.digest.mode;
      for (const lang of langs.filter((item) => !found.has(item))) {
        const built = await buildDigest(kit, {
          lang,
          localDate: claim.localDate,
          since,
          first: !log.lastPostedAt(claim.guildId), // never posted to: a welcome briefing (issue 17)
          now: run.at,
          quietDays: guild.digest.quietDays,
          mode,
        });
        for (const [index, embeds] of built.messages.entries()) {
          const nonce = digestNonce(claim.guildId, claim.localDate, lang, index + 1);
          ids.push(await channel.send(channelId, { embeds, nonce }));
        }
      }
      if (ids.length === 0) {
        await log.markSkipped([claim], 'nothingToPost', this.#deps.now());
        logger.info('digestNothingToPost', fields);
        report.skipped.push(key);
        return;
      }
      await log.markPosted(claim, ids, this.#deps.now());
      logger.info('digestPosted', { ...fields, messageIds: ids });
      report.posted.push(key);
    } catch (error) {
      report.failed.push(key);
      await recordFailure(this.#deps, claim, guild, error, fields);
    }
  }

  /** Runs ticks until `stop()`: at each server's next scheduled time (from croner) and every `intervalMs` between. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.#loop();
  }

  async #loop(): Promise<void> {
    try {
      await this.tick();
    } catch (error) {
      this.#deps.logger.error('digestTickFailed', { error });
    }
    if (this.#stopped) return;
    const timers = this.#deps.timers ?? { setTimeout, clearTimeout };
    this.#timer = timers.setTimeout(() => void this.#loop(), this.#delayToNext());
    this.#timer.unref?.();
  }

  #delayToNext(): number {
    const now = this.#deps.now();
    let delay = this.#deps.intervalMs ?? 30_000;
    for (const { digest } of this.#deps.settings.listGuilds()) {
      if (!digest.enabled) continue;
      const next = nextRun(digest.time, digest.timeZone, now);
      if (next) delay = Math.min(delay, Math.max(0, next.at.getTime() - now.getTime()) + 50);
    }
    return delay;
  }

  /** Stops the timer and waits for the tick in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) (this.#deps.timers ?? { setTimeout, clearTimeout }).clearTimeout(this.#timer);
    await this.#ticking?.catch(() => undefined);
  }
}
