import type { APIMessage } from 'discord.js';
import { discordError, type Reply } from './http.ts';
import type { Route, RouteContext } from './router.ts';
import type { InteractionRecord } from './types.ts';
import {
  createMessage,
  editMessage,
  type MessageBody,
  removeMessage,
  storeMessage,
  type World,
} from './world.ts';

const EPHEMERAL = 64;
const LOADING = 128;

/** The message Discord creates for an interaction response or follow-up, in the interaction's channel. */
function createResponseMessage(
  world: World,
  record: InteractionRecord,
  body: MessageBody,
  original: boolean,
) {
  const metadata = {
    id: record.id,
    type: record.type,
    user: record.user,
    authorizing_integration_owners: {},
    ...(record.commandName ? { name: record.commandName } : {}),
  };
  const message = createMessage(world, record.channelId ?? '0', body, {
    // 20 = CHAT_INPUT_COMMAND, the type of a slash command's original response.
    type: original && record.type === 2 ? 20 : 0,
    webhook_id: world.appId,
    application_id: world.appId,
    interaction_metadata: metadata as APIMessage['interaction_metadata'],
  });
  storeMessage(world, message);
  return message;
}

/** POST /interactions/:id/:token/callback: one response per interaction, within the reply deadline. */
function respondToInteraction({ world, params, query, body }: RouteContext): Reply {
  const record = world.interactions.get(params.token ?? '');
  const late = record !== undefined && Date.now() - record.createdAt > world.replyDeadlineMs;
  if (!record || record.id !== params.id || late) return discordError(404, 10062, 'Unknown interaction');
  if (record.acknowledged) return discordError(400, 40060, 'Interaction has already been acknowledged.');
  const callback = body as { type?: unknown; data?: MessageBody } | undefined;
  if (typeof callback?.type !== 'number') return discordError(400, 50035, 'Invalid Form Body');
  record.acknowledged = true;
  const data = callback.data ?? {};
  if (callback.type === 4) {
    record.original = createResponseMessage(world, record, data, true);
  } else if (callback.type === 5) {
    const flags = ((data.flags ?? 0) & EPHEMERAL) | LOADING;
    record.original = createResponseMessage(world, record, { content: '', flags }, true);
  }
  if (query.with_response !== 'true') return { status: 204 };
  const message = record.original;
  const interaction = {
    id: record.id,
    type: record.type,
    ...(message
      ? {
          response_message_id: message.id,
          response_message_loading: ((message.flags ?? 0) & LOADING) !== 0,
          response_message_ephemeral: ((message.flags ?? 0) & EPHEMERAL) !== 0,
        }
      : {}),
  };
  return {
    status: 200,
    body: { interaction, resource: { type: callback.type, ...(message ? { message } : {}) } },
  };
}

function findWebhookInteraction({ world, params }: RouteContext): InteractionRecord | undefined {
  const record = world.interactions.get(params.token ?? '');
  return record && params.app === world.appId ? record : undefined;
}

function findWebhookMessage(
  record: InteractionRecord,
  messageId: string | undefined,
): APIMessage | undefined {
  return messageId === '@original' ? record.original : record.followUps.find((m) => m.id === messageId);
}

/** GET, PATCH and DELETE of /webhooks/:app/:token/messages/:message ('@original' or a follow-up id). */
function handleWebhookMessage(context: RouteContext, method: 'GET' | 'PATCH' | 'DELETE'): Reply {
  const record = findWebhookInteraction(context);
  if (!record) return discordError(404, 10015, 'Unknown Webhook');
  const message = findWebhookMessage(record, context.params.message);
  if (!message) return discordError(404, 10008, 'Unknown Message');
  if (method === 'GET') return { status: 200, body: message };
  if (method === 'DELETE') {
    removeMessage(context.world, message.channel_id, message.id);
    if (message === record.original) record.original = undefined;
    record.followUps = record.followUps.filter((m) => m !== message);
    return { status: 204 };
  }
  const wasLoading = ((message.flags ?? 0) & LOADING) !== 0;
  editMessage(message, context.body as MessageBody);
  // Filling a deferred reply is its first real content, not an edit.
  if (wasLoading) {
    message.flags = (message.flags ?? 0) & ~LOADING;
    message.edited_timestamp = null;
  }
  return { status: 200, body: message };
}

/** POST /webhooks/:app/:token: a follow-up message; returned only with `?wait=true`, as on Discord. */
function sendFollowUp(context: RouteContext): Reply {
  const record = findWebhookInteraction(context);
  if (!record) return discordError(404, 10015, 'Unknown Webhook');
  const message = createResponseMessage(context.world, record, context.body as MessageBody, false);
  record.followUps.push(message);
  return context.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
}

const MESSAGE = '/webhooks/:app/:token/messages/:message';

/** Interaction callback and interaction webhook routes (no bot token on these, as discord.js sends them). */
export const interactionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/interactions/:id/:token/callback',
    noAuth: true,
    handle: respondToInteraction,
  },
  { method: 'GET', pattern: MESSAGE, noAuth: true, handle: (c) => handleWebhookMessage(c, 'GET') },
  { method: 'PATCH', pattern: MESSAGE, noAuth: true, handle: (c) => handleWebhookMessage(c, 'PATCH') },
  { method: 'DELETE', pattern: MESSAGE, noAuth: true, handle: (c) => handleWebhookMessage(c, 'DELETE') },
  { method: 'POST', pattern: '/webhooks/:app/:token', noAuth: true, handle: sendFollowUp },
];
