import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandOption,
  APIChatInputApplicationCommandInteraction,
  APIInteractionDataResolved,
  APIMessageComponentButtonInteraction,
  APIModalSubmissionComponent,
  APIModalSubmitInteraction,
  APIUser,
  ApplicationCommandOptionType,
  GuildMemberFlags,
  Locale,
} from 'discord.js';
import { createSnowflake } from '../snowflake.ts';
import type {
  AutocompleteInput,
  ButtonClickInput,
  ChatInputInput,
  InteractionActor,
  ModalSubmitInput,
  OptionValue,
} from './types.ts';
import { MEMBER_PERMISSIONS, rolePayload, type World } from './world.ts';

/** An INTERACTION_CREATE payload the builders produce. */
export type InteractionPayload =
  | APIChatInputApplicationCommandInteraction
  | APIApplicationCommandAutocompleteInteraction
  | APIModalSubmitInteraction
  | APIMessageComponentButtonInteraction;

type Envelope = Omit<APIChatInputApplicationCommandInteraction, 'type' | 'data'>;

/** The fields every interaction carries, including the ones discord.js cannot do without. */
function buildEnvelope(world: World, actor: InteractionActor): Envelope {
  const id = createSnowflake();
  const user: APIUser = { ...world.defaultUser, ...actor.user };
  const guildId = actor.guildId === undefined ? world.guilds[0]?.id : (actor.guildId ?? undefined);
  const guild = world.guilds.find((candidate) => candidate.id === guildId);
  const base = {
    id,
    application_id: world.appId,
    // URL-safe, since discord.js puts it verbatim in callback and webhook paths.
    token: `tok_${id}_${randomBytes(12).toString('base64url')}`,
    version: 1 as const,
    locale: (actor.locale ?? 'en-US') as Locale,
    app_permissions: MEMBER_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: { 0: guildId ?? '0' },
    attachment_size_limit: 10_485_760,
  };
  if (!guildId) {
    const channelId = actor.channelId ?? createSnowflake();
    return {
      ...base,
      user,
      context: 1,
      channel_id: channelId,
      channel: { id: channelId, type: 1, recipients: [user] },
    };
  }
  if (!guild) throw new Error(`fake Discord: unknown guild ${guildId}`);
  const channel = guild.channels.find(
    (candidate) => candidate.id === (actor.channelId ?? guild.channels[0]?.id),
  );
  if (!channel) throw new Error(`fake Discord: guild ${guildId} has no channel ${actor.channelId ?? ''}`);
  return {
    ...base,
    context: 0,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferred_locale as Locale, features: [] },
    guild_locale: guild.preferred_locale as Locale,
    channel_id: channel.id,
    channel: {
      id: channel.id,
      type: channel.type,
      guild_id: guild.id,
      name: channel.name,
    } as Envelope['channel'],
    member: {
      user,
      roles: actor.roles ?? [],
      permissions: actor.memberPermissions ?? MEMBER_PERMISSIONS,
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
    },
  };
}

/** Finds the options declared for the command (and subcommand) among the commands the bot registered. */
function findDeclaredOptions(world: World, input: ChatInputInput, guildId: string | undefined) {
  const pool = [...(guildId ? (world.guildCommands.get(guildId) ?? []) : []), ...world.globalCommands];
  const command = pool.find((candidate) => candidate.name === input.name && (candidate.type ?? 1) === 1);
  let options: APIApplicationCommandOption[] | undefined = command?.options;
  for (const level of [input.subcommandGroup, input.subcommand]) {
    if (level === undefined) continue;
    const found = options?.find((option) => option.name === level);
    options = found && 'options' in found ? (found.options as APIApplicationCommandOption[]) : undefined;
  }
  return { commandId: command?.id, options };
}

function inferType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

/** Adds what discord.js reads for user, channel and role options, when the fake knows the id. */
function resolveOption(world: World, type: number, value: OptionValue, resolved: APIInteractionDataResolved) {
  const id = String(value);
  const channel = world.channels.get(id);
  const role = world.guilds.flatMap((guild) => guild.roles).find((candidate) => candidate.id === id);
  const user = [world.defaultUser, world.botUser].find((candidate) => candidate.id === id);
  if (type === 7 && channel) {
    resolved.channels = { ...resolved.channels, [id]: { ...channel, permissions: MEMBER_PERMISSIONS } };
  } else if (type === 8 && role) {
    resolved.roles = { ...resolved.roles, [id]: rolePayload(role) };
  } else if (type === 6 && user) {
    resolved.users = { ...resolved.users, [id]: user };
  }
}

function buildCommandData(
  world: World,
  input: ChatInputInput,
  guildId: string | undefined,
  focused?: string,
) {
  const declared = findDeclaredOptions(world, input, guildId);
  const values = { ...input.options };
  if (focused !== undefined && !(focused in values)) values[focused] = '';
  const resolved: APIInteractionDataResolved = {};
  let options: unknown[] = Object.entries(values).map(([name, value]) => {
    const type = declared.options?.find((option) => option.name === name)?.type ?? inferType(value);
    resolveOption(world, type, value, resolved);
    return { name, type, value, ...(name === focused ? { focused: true } : {}) };
  });
  if (input.subcommand !== undefined) options = [{ name: input.subcommand, type: 1, options }];
  if (input.subcommandGroup !== undefined) options = [{ name: input.subcommandGroup, type: 2, options }];
  return {
    id: declared.commandId ?? createSnowflake(),
    name: input.name,
    type: 1 as const,
    options: options as never,
    ...(guildId ? { guild_id: guildId } : {}),
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
  };
}

/** A slash-command (type 2) interaction; option types follow the command the bot registered. */
export function buildChatInput(
  world: World,
  input: ChatInputInput,
): APIChatInputApplicationCommandInteraction {
  const envelope = buildEnvelope(world, input);
  return { ...envelope, type: 2, data: buildCommandData(world, input, envelope.guild_id) };
}

/** An autocomplete (type 4) interaction with `focused` marked on the option being typed. */
export function buildAutocomplete(
  world: World,
  input: AutocompleteInput,
): APIApplicationCommandAutocompleteInteraction {
  const envelope = buildEnvelope(world, input);
  return { ...envelope, type: 4, data: buildCommandData(world, input, envelope.guild_id, input.focused) };
}

/**
 * A button click (type 3) on an ephemeral message of the bot: discord.js needs the message it was on, so a minimal
 * one is built (the fields the stand-in's notes list for a message object).
 */
export function buildButtonClick(
  world: World,
  input: ButtonClickInput,
): APIMessageComponentButtonInteraction {
  const envelope = buildEnvelope(world, input);
  const message = {
    id: createSnowflake(),
    channel_id: envelope.channel_id,
    type: 0,
    content: '',
    embeds: [],
    components: [
      { type: 1, components: [{ type: 2, style: 2, custom_id: input.customId, label: 'button' }] },
    ],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 64,
    author: world.botUser,
  };
  return {
    ...envelope,
    type: 3,
    message,
    data: { custom_id: input.customId, component_type: 2 },
  } as unknown as APIMessageComponentButtonInteraction;
}

/** A modal-submit (type 5) interaction carrying one text input per field. */
export function buildModalSubmit(world: World, input: ModalSubmitInput): APIModalSubmitInteraction {
  const envelope = buildEnvelope(world, input);
  const components: APIModalSubmissionComponent[] = Object.entries(input.fields).map(
    ([customId, value], i) =>
      input.layout === 'actionRow'
        ? { type: 1, components: [{ type: 4, custom_id: customId, value }] }
        : { type: 18, id: 2 * i + 1, component: { type: 4, id: 2 * i + 2, custom_id: customId, value } },
  );
  return { ...envelope, type: 5, data: { custom_id: input.customId, components } };
}
