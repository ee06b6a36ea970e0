import { z } from 'zod';
import { SnowflakeSchema } from './schema/common.ts';

const snowflake = SnowflakeSchema;

/** Whether an IANA time zone name is known to this runtime's Intl. */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** A server's digest: where, when (local time in its zone), in which language and mode. */
export const DigestSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  channelId: snowflake.optional(),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a local time HH:MM' })
    .default('08:00'),
  timeZone: z
    .string()
    .refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/Paris' })
    .default('UTC'),
  mode: z.enum(['template', 'llm']).default('template'),
  /** Post key figures on days with nothing new. */
  quietDays: z.boolean().default(true),
  /** Set when posting failed for good (missing channel or permission): the code moderators are told about. */
  disabledReason: z.string().optional(),
});
export type DigestSettings = z.infer<typeof DigestSettingsSchema>;

/** A server's settings. `lang: both` posts the digest in French and in English. */
export const GuildSettingsSchema = z.strictObject({
  guildId: snowflake,
  lang: z.enum(['fr', 'en', 'both']).default('en'),
  moderatorRoleId: snowflake.optional(),
  digest: DigestSettingsSchema.default(() => DigestSettingsSchema.parse({})),
  /** A notice for the next moderator who uses a command (`digestDisabled`…), cleared once shown. */
  pendingNotice: z.string().optional(),
});
export type GuildSettings = z.infer<typeof GuildSettingsSchema>;

export const UserLangSchema = z.enum(['fr', 'en', 'auto']);
export type UserLang = z.infer<typeof UserLangSchema>;

export const GuildSettingsPatchSchema = GuildSettingsSchema.omit({ guildId: true })
  .extend({ digest: DigestSettingsSchema.partial() })
  .partial();
export type GuildSettingsPatch = z.infer<typeof GuildSettingsPatchSchema>;

/** Server settings and user language choices, persisted by the composition root. */
export interface SettingsRepository {
  getGuild(guildId: string): GuildSettings;
  listGuilds(): GuildSettings[];
  updateGuild(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings>;
  getUserLang(userId: string): UserLang;
  setUserLang(userId: string, lang: UserLang): Promise<void>;
}
