import type { APIApplicationCommand, APIMessage, APIRole, APIUser, RoleFlags } from 'discord.js';
import { compareSnowflakes, createSnowflake } from '../snowflake.ts';
import type {
  FakeChannel,
  FakeDiscordOptions,
  FakeGuild,
  FakeGuildConfig,
  FakeRole,
  InteractionRecord,
} from './types.ts';

/** Permissions of a plain member (view, send, embed, read history, use commands...), as Discord encodes them. */
export const MEMBER_PERMISSIONS = '2248473465835073';

/** Everything the fake Discord remembers; REST, gateway and builders share it. */
export interface World {
  appId: string;
  botUser: APIUser;
  defaultUser: APIUser;
  guilds: FakeGuild[];
  channels: Map<string, FakeChannel>;
  /** Messages per channel, oldest first. */
  messages: Map<string, APIMessage[]>;
  globalCommands: APIApplicationCommand[];
  guildCommands: Map<string, APIApplicationCommand[]>;
  /** Interactions dispatched by the fake, by token. */
  interactions: Map<string, InteractionRecord>;
  replyDeadlineMs: number;
  /** The shard count GET /gateway/bot recommends. */
  recommendedShards: number;
}

/** Resolves the options into a world with every id generated. */
export function createWorld(options: FakeDiscordOptions): World {
  const appId = options.appId ?? createSnowflake();
  const botUser = makeUser(appId, options.botUsername ?? 'briefing-bot', true);
  const defaultUser = makeUser(createSnowflake(), 'alice', false);
  const configs = options.guilds ?? [{}];
  const guilds = configs.map((config) => resolveGuild(config, defaultUser.id));
  const channels = new Map(guilds.flatMap((guild) => guild.channels.map((c) => [c.id, c] as const)));
  return {
    appId,
    botUser,
    defaultUser,
    guilds,
    channels,
    messages: new Map(),
    globalCommands: [],
    guildCommands: new Map(),
    interactions: new Map(),
    replyDeadlineMs: options.replyDeadlineMs ?? 3000,
    recommendedShards: options.shards ?? 1,
  };
}

function makeUser(id: string, username: string, bot: boolean): APIUser {
  return {
    id,
    username,
    discriminator: bot ? '0000' : '0',
    global_name: bot ? null : username,
    avatar: null,
    bot,
  };
}

function resolveGuild(config: FakeGuildConfig, ownerId: string): FakeGuild {
  const id = config.id ?? createSnowflake();
  const channels = (config.channels ?? [{ name: 'general' }]).map((channel, position) => ({
    id: channel.id ?? createSnowflake(),
    name: channel.name,
    type: channel.type ?? 0,
    guild_id: id,
    position,
  }));
  const everyone = { id, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0 };
  const roles = (config.roles ?? []).map((role, index) => ({
    id: role.id ?? createSnowflake(),
    name: role.name,
    permissions: role.permissions ?? '0',
    position: index + 1,
  }));
  return {
    id,
    name: config.name ?? 'Fake Guild',
    preferred_locale: config.preferredLocale ?? 'en-US',
    owner_id: ownerId,
    channels,
    roles: [everyone, ...roles],
  };
}

/** The message fields a bot may send in a create or edit body. */
export interface MessageBody {
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
}

/** Builds the message object Discord would return for a create body, authored by the bot. */
export function createMessage(
  world: World,
  channelId: string,
  body: MessageBody,
  extra: Partial<APIMessage> = {},
): APIMessage {
  const guildId = world.channels.get(channelId)?.guild_id;
  return {
    id: createSnowflake(),
    channel_id: channelId,
    ...(guildId ? { guild_id: guildId } : {}),
    type: 0,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body.flags ?? 0,
    author: world.botUser,
    ...extra,
  };
}

/** Applies an edit body to a message in place, as Discord does for PATCH. */
export function editMessage(message: APIMessage, body: MessageBody): APIMessage {
  if (body.content !== undefined) message.content = body.content;
  if (body.embeds !== undefined) message.embeds = body.embeds;
  if (body.components !== undefined) message.components = body.components;
  if (body.flags !== undefined) message.flags = body.flags;
  message.edited_timestamp = new Date().toISOString();
  return message;
}

/** Keeps a message in its channel's history unless it is ephemeral (flag 64), which Discord never lists. */
export function storeMessage(world: World, message: APIMessage): void {
  if (((message.flags ?? 0) & 64) !== 0) return;
  const list = world.messages.get(message.channel_id) ?? [];
  list.push(message);
  list.sort((a, b) => compareSnowflakes(a.id, b.id));
  world.messages.set(message.channel_id, list);
}

/** Removes a message from its channel's history; returns whether it was there. */
export function removeMessage(world: World, channelId: string, messageId: string): boolean {
  const list = world.messages.get(channelId) ?? [];
  const index = list.findIndex((message) => message.id === messageId);
  if (index >= 0) list.splice(index, 1);
  return index >= 0;
}

/** The channel object of GET /channels/:id and GUILD_CREATE. */
export function channelPayload(world: World, channel: FakeChannel): Record<string, unknown> {
  const last = world.messages.get(channel.id)?.at(-1);
  return {
    ...channel,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    parent_id: null,
    last_message_id: last?.id ?? null,
  };
}

/** The role object Discord sends in guilds and in resolved interaction data. */
export function rolePayload(role: FakeRole): APIRole {
  const colors = { primary_color: 0, secondary_color: null, tertiary_color: null };
  return {
    ...role,
    color: 0,
    colors,
    hoist: false,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** The guild object of GET /guilds/:id (GUILD_CREATE adds the gateway-only fields). */
export function guildPayload(guild: FakeGuild): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: guild.owner_id,
    preferred_locale: guild.preferred_locale,
    features: [],
    emojis: [],
    stickers: [],
    roles: guild.roles.map(rolePayload),
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    premium_tier: 0,
    nsfw_level: 0,
    system_channel_id: null,
    afk_channel_id: null,
    afk_timeout: 300,
  };
}

/** The GUILD_CREATE dispatch data: the guild, available, with its channels and the bot as a member. */
export function guildCreatePayload(world: World, guild: FakeGuild): Record<string, unknown> {
  return {
    ...guildPayload(guild),
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: '2025-01-01T00:00:00.000Z',
    channels: guild.channels.map((channel) => channelPayload(world, channel)),
    threads: [],
    members: [
      {
        user: world.botUser,
        roles: [],
        joined_at: '2025-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
      },
    ],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
