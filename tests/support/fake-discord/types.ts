import type { IncomingHttpHeaders } from 'node:http';
import type { APIApplicationCommand, APIMessage, APIUser, ChannelType, LocaleString } from 'discord.js';

/** A channel as configured by a test; missing ids are generated. */
export interface FakeChannelConfig {
  id?: string;
  name: string;
  /** Discord channel type; 0 (guild text) by default. */
  type?: ChannelType;
}

/** A role as configured by a test; missing ids are generated. */
export interface FakeRoleConfig {
  id?: string;
  name: string;
  /** Permission bitfield as a decimal string. */
  permissions?: string;
}

/** A guild as configured by a test. */
export interface FakeGuildConfig {
  id?: string;
  name?: string;
  /** Discord locale string such as 'fr' or 'en-US'; 'en-US' by default. */
  preferredLocale?: LocaleString;
  channels?: FakeChannelConfig[];
  roles?: FakeRoleConfig[];
}

/** A channel the fake knows (guild channels are sent in GUILD_CREATE). */
export interface FakeChannel {
  id: string;
  name: string;
  type: ChannelType;
  guild_id: string;
  position: number;
}

/** A role the fake knows; every guild has '@everyone' first, with the guild's id. */
export interface FakeRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
}

/** A guild the fake serves, with every id resolved. */
export interface FakeGuild {
  id: string;
  name: string;
  preferred_locale: LocaleString;
  owner_id: string;
  channels: FakeChannel[];
  roles: FakeRole[];
}

/** Options of `startFakeDiscord`. */
export interface FakeDiscordOptions {
  /** Application id, which is also the bot user's id. */
  appId?: string;
  botUsername?: string;
  /** One guild with a #general text channel by default. */
  guilds?: FakeGuildConfig[];
  /** Sent in HELLO; 41250 ms like Discord by default. */
  heartbeatIntervalMs?: number;
  /** Callbacks later than this after `interact` get 404 Unknown interaction, as on Discord; 3000 by default. */
  replyDeadlineMs?: number;
  /** The shard count GET /gateway/bot recommends (what `--shards auto` starts); 1 by default. */
  shards?: number;
}

/** A file part of a multipart REST request. */
export interface RecordedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

/** One REST request as the fake received and answered it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path without the '/api/v10' prefix, e.g. '/webhooks/1/tok/messages/@original'. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; undefined when empty. */
  body: unknown;
  files: RecordedFile[];
  /** Status the fake answered with (after any injected fault). */
  status: number;
  /** Date.now() when the request arrived. */
  time: number;
}

/** Selects requests: a predicate, or a method and a path (exact string or pattern). */
export type RequestMatcher =
  | ((request: Pick<RecordedRequest, 'method' | 'path' | 'query'>) => boolean)
  | { method?: string; path?: string | RegExp };

/** A failure or slowdown the fake applies to the next matching request instead of its normal answer. */
export type FakeDiscordFault =
  | { status: 429; retryAfter: number; global?: boolean }
  | { status: 500 | 502 | 503 }
  | { status: 400 | 401 | 403 | 404; code: number; message?: string }
  | { delayMs: number };

/** One gateway frame received from the client. */
export interface GatewayFrame {
  op: number;
  d: unknown;
  time: number;
}

/** Who triggers an interaction and where; defaults to the fake's default user in the first guild's first channel. */
export interface InteractionActor {
  user?: Partial<APIUser>;
  /** The user's client locale, e.g. 'fr' or 'en-US'. */
  locale?: LocaleString;
  /** `null` makes a direct-message interaction (user instead of member, no guild). */
  guildId?: string | null;
  channelId?: string;
  /** The member's permission bitfield as a decimal string. */
  memberPermissions?: string;
  roles?: string[];
}

/** An option value as a test writes it; types come from the registered command, else from the JS type. */
export type OptionValue = string | number | boolean;

export interface ChatInputInput extends InteractionActor {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}

export interface AutocompleteInput extends ChatInputInput {
  /** Name of the option being typed; added with '' when absent from `options`. */
  focused: string;
}

export interface ModalSubmitInput extends InteractionActor {
  customId: string;
  fields: Record<string, string>;
  /** 'label' (default, what `ModalBuilder.addLabelComponents` modals return) or legacy 'actionRow'. */
  layout?: 'actionRow' | 'label';
}

/** A click on a button (a message component) of a message the bot sent. */
export interface ButtonClickInput extends InteractionActor {
  customId: string;
}

/** What the fake holds for one interaction it dispatched. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  channelId: string | undefined;
  guildId: string | undefined;
  commandName: string | undefined;
  user: APIUser;
  createdAt: number;
  acknowledged: boolean;
  original: APIMessage | undefined;
  followUps: APIMessage[];
}

export type { APIApplicationCommand, APIMessage };
