import { Client, GatewayIntentBits, type MessageMentionOptions, type RESTOptions } from 'discord.js';
import { Agent } from 'undici';

/**
 * Connections to Discord's REST API, reused from one request to the next. Without a cap, a burst of replies opens
 * a connection (a TLS handshake, on Discord) per reply, which alone can push answers past Discord's 3 seconds.
 */
const REST_CONNECTIONS = 64;

/** Mentions that ping nobody: no users, roles, everyone, nor the replied-to author. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

export interface DiscordClientOptions {
  /** REST base such as `http://127.0.0.1:PORT/api` (DISCORD_API_BASE); Discord's own when absent. */
  apiBase?: string;
  /** Extra REST settings (tests lower the retries and timeouts). */
  rest?: Partial<RESTOptions>;
  /** How long to wait for servers announced in READY (15 s in discord.js). */
  waitGuildTimeout?: number;
}

/** The REST options shared by the client and `deploy-commands`, with the API base override. */
export const restOptions = (options: DiscordClientOptions): Partial<RESTOptions> => ({
  // discord.js appends `/v10` itself: a base copied with its version would otherwise get it twice.
  ...(options.apiBase ? { api: options.apiBase.replace(/\/+$/, '').replace(/\/v\d+$/, '') } : {}),
  ...options.rest,
});

/**
 * A discord.js client with the one intent the bot needs (Guilds: servers, channels, roles — no message content,
 * no members, no presences) and mentions disabled by default.
 */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_PINGS,
    rest: { agent: new Agent({ connections: REST_CONNECTIONS }), ...restOptions(options) },
    ...(options.waitGuildTimeout === undefined ? {} : { waitGuildTimeout: options.waitGuildTimeout }),
  });
}
