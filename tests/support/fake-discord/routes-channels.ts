import { compareSnowflakes } from '../snowflake.ts';
import { discordError, type Reply } from './http.ts';
import type { Route, RouteContext } from './router.ts';
import {
  channelPayload,
  createMessage,
  editMessage,
  guildPayload,
  type MessageBody,
  removeMessage,
  storeMessage,
} from './world.ts';

const UNKNOWN_CHANNEL = discordError(404, 10003, 'Unknown Channel');
/** How long Discord remembers a nonce for enforce_nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;
const UNKNOWN_MESSAGE = discordError(404, 10008, 'Unknown Message');

/** POST /channels/:channel/messages: stores and returns the message; empty messages are refused as on Discord. */
function sendMessage({ world, params, body, files }: RouteContext): Reply {
  const channel = world.channels.get(params.channel ?? '');
  if (!channel) return UNKNOWN_CHANNEL;
  const data = (body ?? {}) as MessageBody & { nonce?: string | number; enforce_nonce?: boolean };
  const empty = !data.content && !data.embeds?.length && !data.components?.length && files.length === 0;
  if (empty) return discordError(400, 50006, 'Cannot send an empty message');
  // As on Discord: with enforce_nonce, a nonce seen from the same author in the last few minutes returns that
  // message instead of creating a second one.
  if (data.enforce_nonce && data.nonce !== undefined) {
    const since = Date.now() - NONCE_WINDOW_MS;
    const earlier = (world.messages.get(channel.id) ?? []).find(
      (message) => message.nonce === data.nonce && Date.parse(message.timestamp) >= since,
    );
    if (earlier) return { status: 200, body: earlier };
  }
  const message = createMessage(
    world,
    channel.id,
    data,
    data.nonce === undefined ? {} : { nonce: data.nonce },
  );
  storeMessage(world, message);
  return { status: 200, body: message };
}

/** GET /channels/:channel/messages?limit=&before=&after=: the stored history, newest first. */
function listMessages({ world, params, query }: RouteContext): Reply {
  const id = params.channel ?? '';
  if (!world.channels.has(id) && !world.messages.has(id)) return UNKNOWN_CHANNEL;
  const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50) || 50));
  const { before, after } = query;
  const selected = (world.messages.get(id) ?? [])
    .filter((m) => (before ? compareSnowflakes(m.id, before) < 0 : true))
    .filter((m) => (after ? compareSnowflakes(m.id, after) > 0 : true));
  // With `after`, Discord returns the messages just after it, still newest first.
  const window = after ? selected.slice(0, limit) : selected.slice(-limit);
  return { status: 200, body: window.reverse() };
}

function findMessage({ world, params }: RouteContext) {
  return world.messages.get(params.channel ?? '')?.find((message) => message.id === params.message);
}

function changeMessage(context: RouteContext, method: 'GET' | 'PATCH' | 'DELETE'): Reply {
  if (!context.world.channels.has(context.params.channel ?? '')) return UNKNOWN_CHANNEL;
  const message = findMessage(context);
  if (!message) return UNKNOWN_MESSAGE;
  if (method === 'GET') return { status: 200, body: message };
  if (method === 'DELETE') {
    removeMessage(context.world, message.channel_id, message.id);
    return { status: 204 };
  }
  if (message.author.id !== context.world.botUser.id) {
    return discordError(403, 50005, 'Cannot edit a message authored by another user');
  }
  return { status: 200, body: editMessage(message, context.body as MessageBody) };
}

function getChannel({ world, params }: RouteContext): Reply {
  const channel = world.channels.get(params.channel ?? '');
  return channel ? { status: 200, body: channelPayload(world, channel) } : UNKNOWN_CHANNEL;
}

function getGuild({ world, params }: RouteContext, part: 'guild' | 'channels'): Reply {
  const guild = world.guilds.find((candidate) => candidate.id === params.guild);
  if (!guild) return discordError(404, 10004, 'Unknown Guild');
  if (part === 'guild') return { status: 200, body: guildPayload(guild) };
  return { status: 200, body: guild.channels.map((channel) => channelPayload(world, channel)) };
}

function getGatewayBot({ gatewayUrl, world }: RouteContext): Reply {
  const limit = { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 };
  return {
    status: 200,
    body: { url: gatewayUrl, shards: world.recommendedShards, session_start_limit: limit },
  };
}

const MESSAGE = '/channels/:channel/messages/:message';

/** Channel, guild, gateway and identity routes (bot token required). */
export const channelRoutes: Route[] = [
  { method: 'GET', pattern: '/gateway/bot', handle: getGatewayBot },
  {
    method: 'GET',
    pattern: '/gateway',
    noAuth: true,
    handle: ({ gatewayUrl }) => ({ status: 200, body: { url: gatewayUrl } }),
  },
  { method: 'GET', pattern: '/users/@me', handle: ({ world }) => ({ status: 200, body: world.botUser }) },
  {
    method: 'GET',
    pattern: '/applications/@me',
    handle: ({ world }) => ({
      status: 200,
      body: {
        id: world.appId,
        name: world.botUser.username,
        description: '',
        flags: 0,
        bot_public: false,
        bot: world.botUser,
      },
    }),
  },
  { method: 'POST', pattern: '/channels/:channel/messages', handle: sendMessage },
  { method: 'GET', pattern: '/channels/:channel/messages', handle: listMessages },
  { method: 'GET', pattern: MESSAGE, handle: (c) => changeMessage(c, 'GET') },
  { method: 'PATCH', pattern: MESSAGE, handle: (c) => changeMessage(c, 'PATCH') },
  { method: 'DELETE', pattern: MESSAGE, handle: (c) => changeMessage(c, 'DELETE') },
  { method: 'GET', pattern: '/channels/:channel', handle: getChannel },
  { method: 'GET', pattern: '/guilds/:guild', handle: (c) => getGuild(c, 'guild') },
  { method: 'GET', pattern: '/guilds/:guild/channels', handle: (c) => getGuild(c, 'channels') },
];
