import type { GuildSettings } from '../../facts/settings.ts';
import type { CommandContext, ReplyEmbed } from '../index.ts';
import { markup } from '../markup.ts';

/** A server's settings as a card: language, digest (where, when, how), quiet days and the moderator role. */
export function renderSettings(settings: GuildSettings, ctx: CommandContext): ReplyEmbed {
  const { t } = ctx;
  const { digest } = settings;
  const onOff = (value: boolean) => t(value ? 'commands:common.on' : 'commands:common.off');
  const fields = [
    {
      name: t('commands:settings.show.language'),
      value: t(`commands:settings.choices.${settings.lang}`),
      inline: true,
    },
    { name: t('commands:settings.show.digest'), value: onOff(digest.enabled), inline: true },
    {
      name: t('commands:settings.show.channel'),
      value: digest.channelId ? markup.channel(digest.channelId) : t('commands:settings.show.noChannel'),
      inline: true,
    },
    {
      name: t('commands:settings.show.time'),
      value: t('commands:settings.show.timeIn', digest),
      inline: true,
    },
    {
      name: t('commands:settings.show.mode'),
      value: t(`commands:settings.choices.${digest.mode}`),
      inline: true,
    },
    { name: t('commands:settings.show.quietDays'), value: onOff(digest.quietDays), inline: true },
    {
      name: t('commands:settings.show.moderatorRole'),
      value: settings.moderatorRoleId
        ? markup.role(settings.moderatorRoleId)
        : t('commands:settings.show.noRole'),
    },
  ];
  if (digest.disabledReason) {
    const reason = t(`errors:${digest.disabledReason}`);
    fields.push({ name: t('commands:settings.show.disabled'), value: reason });
  }
  return { title: t('commands:settings.show.title'), fields };
}

/** Zones offered before anything is typed: the ones the bot's readers most likely live in. */
const COMMON_ZONES = [
  'Europe/Paris',
  'America/Montreal',
  'America/Toronto',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Brussels',
  'Europe/Zurich',
  'Africa/Casablanca',
  'Africa/Dakar',
  'Asia/Tokyo',
  'UTC',
];

/** IANA time zones containing the typed text (case-insensitive), common ones first when nothing is typed. */
export function matchTimeZones(typed: string): string[] {
  const needle = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!needle) return COMMON_ZONES;
  const all = [...new Set([...COMMON_ZONES, ...Intl.supportedValuesOf('timeZone')])];
  return all.filter((zone) => zone.toLowerCase().includes(needle)).slice(0, 25);
}
