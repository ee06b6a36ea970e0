import { z } from 'zod';
import { SnowflakeSchema } from '../../facts/schema/index.ts';

const snowflake = SnowflakeSchema;
const localDate = z.iso.date();
const timestamp = z.iso.datetime({ offset: true });

/** Who holds a claim: one scheduler instance, in one process of one machine. */
export const ClaimOwnerSchema = z.strictObject({
  id: z.string().min(1),
  pid: z.number().int(),
  host: z.string(),
});
export type ClaimOwner = z.infer<typeof ClaimOwnerSchema>;

const base = { guildId: snowflake, localDate, attempts: z.number().int().min(0) };

/**
 * One server's digest for one local date. `claimed`: a scheduler is sending it (until `expiresAt`); `posted`:
 * Discord accepted every message; `skipped`: never to be sent (outside the catch-up window, quiet day);
 * `failed`: sending failed — tried again from `retryAt`, or never when it is absent.
 */
export const DigestRecordSchema = z.discriminatedUnion('status', [
  z.strictObject({
    ...base,
    status: z.literal('claimed'),
    owner: ClaimOwnerSchema,
    claimedAt: timestamp,
    expiresAt: timestamp,
  }),
  z.strictObject({
    ...base,
    status: z.literal('posted'),
    postedAt: timestamp,
    messageIds: z.array(snowflake),
    /** Found in the channel after a crash rather than recorded by the sender. */
    recovered: z.boolean().optional(),
  }),
  z.strictObject({ ...base, status: z.literal('skipped'), at: timestamp, reason: z.string().min(1) }),
  z.strictObject({
    ...base,
    status: z.literal('failed'),
    at: timestamp,
    reason: z.string().min(1),
    retryAt: timestamp.optional(),
  }),
]);
export type DigestRecord = z.infer<typeof DigestRecordSchema>;

/**
 * The whole of `digests.json`: records keyed `<guildId>:<localDate>`, each server's last posted digest, and the
 * latest local date posted to each server, which outlives the records: no date up to it is ever posted again.
 */
export const DigestLogFileSchema = z.strictObject({
  version: z.literal(1),
  records: z.record(z.string(), DigestRecordSchema),
  lastPosted: z.record(snowflake, timestamp),
  postedThrough: z.record(snowflake, localDate).default({}),
});
export type DigestLogFile = z.infer<typeof DigestLogFileSchema>;

/** The key of a server's digest for a local date. */
export const digestKey = (guildId: string, date: string): string => `${guildId}:${date}`;
