import {
  type Client,
  DiscordAPIError,
  HTTPError,
  PermissionFlagsBits,
  RateLimitError,
  type SendableChannels,
} from 'discord.js';
import { NO_PINGS } from '../discord/client.ts';
import { toDiscordEmbeds } from '../discord/embeds.ts';
import { type DigestChannel, DigestPostError } from './channel.ts';

export interface DiscordPosterOptions {
  /** Extra attempts after a 5xx or a network failure (discord.js's own immediate retries come first); 3 by default. */
  retries?: number;
  /** The first backoff delay, doubled each time (1 s). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const MISSING_CHANNEL = new Set([10003, 10004]);
const MISSING_PERMISSION = new Set([50001, 50013]);
const NEEDED = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
];

/** Sorts a discord.js failure into what the scheduler does about it. */
export function classifyPostError(error: unknown): DigestPostError {
  if (error instanceof DigestPostError) return error;
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    if (code !== undefined && MISSING_CHANNEL.has(code))
      return new DigestPostError('channelMissing', code, error.message);
    if ((code !== undefined && MISSING_PERMISSION.has(code)) || error.status === 403) {
      return new DigestPostError('permissionMissing', code ?? error.status, error.message);
    }
    if (error.status === 404) return new DigestPostError('channelMissing', code ?? 404, error.message);
    if (error.status >= 500) return new DigestPostError('transient', error.status, error.message);
    return new DigestPostError('rejected', code ?? error.status, error.message);
  }
  if (error instanceof HTTPError) {
    return new DigestPostError(error.status >= 500 ? 'transient' : 'rejected', error.status, error.message);
  }
  if (error instanceof RateLimitError) return new DigestPostError('transient', 429, error.message);
  // Timeouts, resets, refused connections: Discord may come back.
  return new DigestPostError('transient', undefined, error instanceof Error ? error.message : String(error));
}

/**
 * The digest's Discord side on a discord.js client. 429s are left to discord.js, which waits `retry_after` and
 * retries by itself (a RateLimitError only appears with `rejectOnRateLimit`, and is then waited out here); 5xx and
 * network failures get a bounded number of extra attempts with exponential backoff; a missing channel or permission
 * is thrown at once, never retried.
 */
export function createDiscordDigestChannel(
  client: Client,
  options: DiscordPosterOptions = {},
): DigestChannel {
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const withRetries = async <T>(task: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await task();
      } catch (error) {
        const failure = classifyPostError(error);
        if (failure.kind !== 'transient' || attempt >= retries) throw failure;
        const wait = error instanceof RateLimitError ? error.retryAfter : backoff * 2 ** attempt;
        await sleep(wait);
      }
    }
  };

  const resolveChannel = async (channelId: string): Promise<SendableChannels> => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable())
      throw new DigestPostError('channelMissing', undefined, `not a text channel: ${channelId}`);
    const me = 'guild' in channel ? channel.guild.members.me : null;
    // Without Embed Links Discord accepts the message but shows nothing: refuse early and tell the moderators.
    if (me && 'permissionsFor' in channel && !channel.permissionsFor(me)?.has(NEEDED)) {
      throw new DigestPostError('permissionMissing', 50013, `missing permissions in ${channelId}`);
    }
    return channel;
  };

  return {
    send: (channelId, message) =>
      withRetries(async () => {
        const channel = await resolveChannel(channelId);
        const sent = await channel.send({
          embeds: message.embeds.flatMap(toDiscordEmbeds),
          nonce: message.nonce,
          enforceNonce: true,
          allowedMentions: NO_PINGS,
        });
        return sent.id;
      }),
    recentMessages: (channelId) =>
      withRetries(async () => {
        const channel = await resolveChannel(channelId);
        const me = client.user?.id;
        const messages = await channel.messages.fetch({ limit: 50, cache: false });
        return [...messages.values()]
          .filter((message) => !me || message.author.id === me)
          .map((message) => ({
            id: message.id,
            footers: message.embeds.map((embed) => embed.footer?.text ?? ''),
          }));
      }),
  };
}
