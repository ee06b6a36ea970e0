import type { GuildSettings, SettingsRepository } from '../../facts/settings.ts';
import type { Logger } from '../log.ts';
import { DigestPostError } from './channel.ts';
import type { Claim, DigestLogStore } from './digest-log.ts';

export interface FailureDeps {
  now: () => Date;
  settings: SettingsRepository;
  log: DigestLogStore;
  logger: Logger;
  /** Attempts per digest before giving up for the day (3). */
  maxAttempts?: number;
  /** The wait before the next attempt, times the attempt number (5 min). */
  retryDelayMs?: number;
}

/**
 * What a failed digest leaves behind. A missing channel or permission turns the server's digest off (with the
 * reason moderators are told at their next command) and is never retried; Discord being unwell is retried later,
 * a bounded number of times; anything else is given up for the day. Never a loop.
 */
export async function recordFailure(
  deps: FailureDeps,
  claim: Claim,
  guild: GuildSettings,
  error: unknown,
  fields: Record<string, unknown>,
): Promise<void> {
  const { log, logger, settings } = deps;
  const now = deps.now();
  if (!(error instanceof DigestPostError)) {
    await log.markFailed(claim, 'digestBuildFailed', now);
    logger.error('digestFailed', { ...fields, error });
    return;
  }
  if (error.kind === 'channelMissing' || error.kind === 'permissionMissing') {
    const reason = error.kind === 'channelMissing' ? 'digestChannelMissing' : 'digestPermissionMissing';
    await settings.updateGuild(guild.guildId, {
      digest: { enabled: false, disabledReason: reason },
      pendingNotice: reason,
    });
    await log.markFailed(claim, reason, now);
    logger.warn('digestDisabled', { ...fields, reason, code: error.code });
    return;
  }
  const retryAt =
    error.kind === 'transient' && claim.attempts < (deps.maxAttempts ?? 3)
      ? new Date(now.getTime() + (deps.retryDelayMs ?? 5 * 60_000) * claim.attempts)
      : undefined;
  const reason = error.kind === 'transient' ? 'discordUnavailable' : 'digestRejected';
  await log.markFailed(claim, reason, now, retryAt);
  const retry = retryAt?.toISOString();
  logger.error('digestPostFailed', {
    ...fields,
    reason,
    code: error.code,
    retryAt: retry,
    error: error.message,
  });
}
