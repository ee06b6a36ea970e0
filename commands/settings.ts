import { isSnowflake } from '../facts/schema/index.ts';
import { type GuildSettingsPatch, isTimeZone } from '../facts/settings.ts';
import { type Command, type CommandContext, CommandError } from './index.ts';
import { matchTimeZones, renderSettings } from './render/settings.ts';

/** `8:00`, `08:00` or the French `8h00` as `08:00`; anything else is refused. */
function readTime(value: string): string {
  const match = /^(\d{1,2})\s*[:hH]\s*(\d{2})$/.exec(value.trim());
  const [hours, minutes] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || hours > 23 || minutes > 59) throw new CommandError('badTime', { value });
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A snowflake option (channel, role); the console may pass anything, Discord passes ids. */
function readId(value: string, code: 'badChannel' | 'badRole'): string {
  if (!isSnowflake(value)) throw new CommandError(code, { value });
  return value;
}

/** The change the options ask for; empty when none was given. Each value is checked before anything is saved. */
function readPatch(ctx: CommandContext): GuildSettingsPatch {
  const options = ctx.options;
  const string = (name: string) => options.string(name);
  const boolean = (name: string) => options.boolean(name);
  const patch: GuildSettingsPatch = {};
  const digest: NonNullable<GuildSettingsPatch['digest']> = {};
  const language = string('language');
  if (language === 'fr' || language === 'en' || language === 'both') patch.lang = language;
  const role = string('moderator_role');
  if (role !== undefined) patch.moderatorRoleId = readId(role, 'badRole');
  // @everyone's id is the server's: as the moderator role it would make every member a moderator.
  if (role !== undefined && role === ctx.guildId) throw new CommandError('everyoneModerator');
  const channel = string('digest_channel');
  // A channel set again is a fresh start: the reason the digest stopped no longer holds.
  if (channel !== undefined)
    Object.assign(digest, { channelId: readId(channel, 'badChannel'), disabledReason: undefined });
  const time = string('digest_time');
  if (time !== undefined) digest.time = readTime(time);
  const zone = string('timezone');
  if (zone !== undefined) {
    if (!isTimeZone(zone.trim())) throw new CommandError('badTimeZone', { value: zone });
    digest.timeZone = new Intl.DateTimeFormat('en', { timeZone: zone.trim() }).resolvedOptions().timeZone;
  }
  const enabled = boolean('digest');
  if (enabled !== undefined) Object.assign(digest, { enabled }, enabled ? { disabledReason: undefined } : {});
  const mode = string('digest_mode');
  if (mode === 'template' || mode === 'llm') digest.mode = mode;
  const quiet = boolean('quiet_days');
  if (quiet !== undefined) digest.quietDays = quiet;
  return Object.keys(digest).length ? { ...patch, digest } : patch;
}

/** `/settings [language] [digest_channel] [digest_time] [timezone] [moderator_role] [digest] [digest_mode] [quiet_days]`. */
export const settings = {
  data: {
    name: 'settings',
    moderatorOnly: true,
    guildOnly: true,
    options: [
      { name: 'language', type: 'string', choices: ['fr', 'en', 'both'] },
      { name: 'digest_channel', type: 'channel' },
      { name: 'digest_time', type: 'string', minLength: 4, maxLength: 5 },
      { name: 'timezone', type: 'string', autocomplete: true, maxLength: 64 },
      { name: 'moderator_role', type: 'role' },
      { name: 'digest', type: 'boolean' },
      { name: 'digest_mode', type: 'string', choices: ['template', 'llm'] },
      { name: 'quiet_days', type: 'boolean' },
    ],
  },
  async execute(ctx) {
    if (!ctx.isModerator) throw new CommandError('notModerator');
    if (!ctx.guildId) throw new CommandError('guildOnly');
    const repository = ctx.services.settings;
    const patch = readPatch(ctx);
    if (Object.keys(patch).length === 0) {
      await ctx.reply({ embeds: [renderSettings(repository.getGuild(ctx.guildId), ctx)], ephemeral: true });
      return;
    }
    const current = repository.getGuild(ctx.guildId).digest;
    if ((patch.digest?.enabled ?? current.enabled) && !(patch.digest?.channelId ?? current.channelId)) {
      throw new CommandError('digestNeedsChannel');
    }
    const saved = await repository.updateGuild(ctx.guildId, patch);
    ctx.services.log.info('settings.updated', { guild: ctx.guildId, user: ctx.user.id, patch });
    const content = ctx.t('commands:settings.saved');
    await ctx.reply({ content, embeds: [renderSettings(saved, ctx)], ephemeral: true });
  },
  async autocomplete(ctx) {
    if (ctx.options.focused?.name !== 'timezone') return [];
    return matchTimeZones(ctx.options.focused.value).map((zone) => ({ name: zone, value: zone }));
  },
} satisfies Command;
