import { createHash } from 'node:crypto';
import type { ReplyEmbed } from '../../commands/index.ts';
import type { Lang } from '../../facts/schema/index.ts';
import { readDigestMarker } from './pack.ts';

/** Why a post failed: the channel is gone, the bot may not post there, Discord is unwell, or it refused the message. */
export type PostFailureKind = 'channelMissing' | 'permissionMissing' | 'transient' | 'rejected';

/** A failed post, classified; `code` is Discord's JSON error code or the HTTP status when there is none. */
export class DigestPostError extends Error {
  constructor(
    readonly kind: PostFailureKind,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'DigestPostError';
  }
}

/** A message of ours seen in a channel, with its embeds' footers (where digest markers stand). */
export interface PostedMessage {
  id: string;
  footers: string[];
}

/** The Discord side of the digest, as the scheduler needs it; tests and production fill it with the real client. */
export interface DigestChannel {
  /** Posts one message; resolves with its id once Discord accepted it. Throws a DigestPostError. */
  send(channelId: string, message: { embeds: readonly ReplyEmbed[]; nonce: string }): Promise<string>;
  /** Our recent messages in the channel (the last 50), to find digests posted before a crash. */
  recentMessages(channelId: string): Promise<PostedMessage[]>;
}

/** Discord's nonce (≤ 25 characters) for one message of a digest: a quick resend of the same part is deduplicated. */
export function digestNonce(guildId: string, localDate: string, lang: Lang, part: number): string {
  return createHash('sha256')
    .update(`${guildId}:${localDate}:${lang}:${part}`)
    .digest('base64url')
    .slice(0, 25);
}

/** Ids of the messages of a date's digest already in the channel, by language (read from their footer markers). */
export async function findPostedDigest(
  channel: DigestChannel,
  channelId: string,
  localDate: string,
): Promise<Map<Lang, string[]>> {
  const found = new Map<Lang, string[]>();
  for (const message of await channel.recentMessages(channelId)) {
    const marker = message.footers.map(readDigestMarker).find((item) => item?.localDate === localDate);
    if (marker) found.set(marker.lang, [...(found.get(marker.lang) ?? []), message.id]);
  }
  return found;
}
