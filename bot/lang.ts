import type { Lang } from '../facts/schema/index.ts';
import type { GuildSettings, UserLang } from '../facts/settings.ts';

export interface ReplyLangInputs {
  /** The user's `/lang` choice; `auto` means none. */
  userChoice: UserLang;
  /** The Discord client's locale (`fr`, `en-US`, `de`…), absent outside Discord. */
  discordLocale?: string;
  /** The server's language; absent in direct messages and in the console. */
  guildLang?: GuildSettings['lang'];
}

/** A Discord locale's language when the bot speaks it (`fr`, `en-US`, `en-GB`…), else undefined. */
export function langOfLocale(locale: string): Lang | undefined {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return base === 'fr' || base === 'en' ? base : undefined;
}

/**
 * The language of a reply: the user's `/lang` choice, else the Discord client's locale (French or English),
 * else — for any other locale — the server's language (`both` replies in English), else English.
 */
export function resolveReplyLang({ userChoice, discordLocale, guildLang }: ReplyLangInputs): Lang {
  if (userChoice !== 'auto') return userChoice;
  if (!discordLocale) return 'en';
  return langOfLocale(discordLocale) ?? (guildLang === 'fr' ? 'fr' : 'en');
}
