import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand, APIMessage, APIUser, ClientOptions } from 'discord.js';
import { FaultQueue, matchRequest } from './fake-discord/faults.ts';
import { FakeGateway } from './fake-discord/gateway.ts';
import { sendReply } from './fake-discord/http.ts';
import {
  buildAutocomplete,
  buildButtonClick,
  buildChatInput,
  buildModalSubmit,
  type InteractionPayload,
} from './fake-discord/interactions.ts';
import { createRestHandler } from './fake-discord/rest.ts';
import type {
  AutocompleteInput,
  ButtonClickInput,
  ChatInputInput,
  FakeDiscordFault,
  FakeDiscordOptions,
  FakeGuild,
  GatewayFrame,
  InteractionRecord,
  ModalSubmitInput,
  RecordedRequest,
  RequestMatcher,
} from './fake-discord/types.ts';
import { Waiters } from './fake-discord/waiters.ts';
import { createMessage, createWorld, storeMessage } from './fake-discord/world.ts';
import { createSnowflake } from './snowflake.ts';

export type { InteractionPayload } from './fake-discord/interactions.ts';
export type * from './fake-discord/types.ts';

/** Overrides for `clientOptions()`. */
export interface FakeClientOverrides {
  /** REST retries after a timeout or 5xx; 0 by default so failures surface at once. */
  retries?: number;
  /** How long clientReady waits for a missing GUILD_CREATE; 1000 ms by default. */
  waitGuildTimeout?: number;
  intents?: ClientOptions['intents'];
}

/** A running Discord stand-in on 127.0.0.1 (REST under `apiBase`, gateway at `gatewayUrl`). */
export interface FakeDiscord {
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly appId: string;
  readonly botUser: APIUser;
  /** The user who triggers interactions unless a builder is told otherwise. */
  readonly defaultUser: APIUser;
  readonly guilds: readonly FakeGuild[];
  /** Every REST request, in the order they were answered. */
  readonly requests: readonly RecordedRequest[];
  /** Every gateway frame the client sent (IDENTIFY, heartbeats, RESUME...). */
  readonly gatewayFrames: readonly GatewayFrame[];
  /** Options for `new Client(...)` that point it here and remove waits and retries. */
  clientOptions(overrides?: FakeClientOverrides): ClientOptions;
  /** First request (already received or still to come) that matches; rejects after `timeoutMs` (2000). */
  waitForRequest(matcher: RequestMatcher, timeoutMs?: number): Promise<RecordedRequest>;
  /** Queues a fault for the next `times` (1) matching requests; faults are consumed in order. */
  failNext(matcher: RequestMatcher, fault: FakeDiscordFault, times?: number): void;
  chatInput(input: ChatInputInput): ReturnType<typeof buildChatInput>;
  autocomplete(input: AutocompleteInput): ReturnType<typeof buildAutocomplete>;
  modalSubmit(input: ModalSubmitInput): ReturnType<typeof buildModalSubmit>;
  /** A click on a button of one of the bot's messages. */
  buttonClick(input: ButtonClickInput): ReturnType<typeof buildButtonClick>;
  /** Sends INTERACTION_CREATE to the logged-in client; throws when no client has identified. */
  interact(payload: InteractionPayload): void;
  /** Sends the interaction and resolves with its callback request (POST /interactions/:id/:token/callback). */
  interactAndWait(payload: InteractionPayload, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves with the PATCH of the interaction's original response (what `editReply` sends after a defer). */
  waitForOriginalEdit(payload: InteractionPayload, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves with the POST of the interaction's first follow-up message. */
  waitForFollowUp(payload: InteractionPayload, timeoutMs?: number): Promise<RecordedRequest>;
  /** What the fake knows about an interaction it dispatched (acknowledged, original response, follow-ups). */
  interactionState(payload: InteractionPayload): InteractionRecord | undefined;
  /** Sends any dispatch event (e.g. 'GUILD_DELETE') to the logged-in client. */
  dispatch(event: string, data: unknown): void;
  /** Closes the client's socket from the server (only shard `shardId`'s when given); 4000 makes discord.js RESUME. */
  disconnect(code?: number, shardId?: number): void;
  /** The shards identified on open gateway connections, `[id, count]` each. */
  identifiedShards(): [number, number][];
  /** First frame with this op among frames from index `since` (0) on; rejects after `timeoutMs` (2000). */
  waitForGatewayOp(op: number, timeoutMs?: number, since?: number): Promise<GatewayFrame>;
  /** A channel's stored history, newest first (what GET /channels/:id/messages returns). */
  messages(channelId: string): APIMessage[];
  /** Puts a message in a channel's history, e.g. one the bot posted before a crash; `timestamp` sets its id. */
  seedMessage(channelId: string, message?: Partial<APIMessage>): APIMessage;
  /** Commands the bot registered, globally or for one guild. */
  commands(guildId?: string): APIApplicationCommand[];
  /** Closes sockets, pending delays and the server; destroy the client first, or it reconnects forever. */
  close(): Promise<void>;
}

/** Starts a Discord stand-in on 127.0.0.1 with a random port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = createWorld(options);
  const requests: RecordedRequest[] = [];
  const frames: GatewayFrame[] = [];
  const requestWaiters = new Waiters(requests, 'REST request');
  const frameWaiters = new Waiters(frames, 'gateway frame');
  const faults = new FaultQueue();
  const timers = new Set<NodeJS.Timeout>();
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const record = (request: RecordedRequest) => {
    requests.push(request);
    requestWaiters.notify(request);
  };
  const handleRest = createRestHandler({ world, faults, gatewayUrl, record, timers });
  const gateway = new FakeGateway({
    world,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    gatewayUrl,
    record: (frame) => {
      frames.push(frame);
      frameWaiters.notify(frame);
    },
  });

  const server = createServer((incoming, response) => {
    handleRest(incoming, response).catch((error: unknown) => {
      // A bug in the fake must fail the request loudly, not crash the test process.
      sendReply(response, { status: 500, body: { message: `fake Discord: ${String(error)}`, code: 0 } });
    });
  });
  server.on('upgrade', (request, socket, head) => {
    if (request.url?.startsWith('/gateway')) gateway.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const callbackPath = (p: InteractionPayload) => `/interactions/${p.id}/${p.token}/callback`;
  const webhookPath = (p: InteractionPayload) => `/webhooks/${world.appId}/${p.token}`;

  const fake: FakeDiscord = {
    apiBase: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    appId: world.appId,
    botUser: world.botUser,
    defaultUser: world.defaultUser,
    guilds: world.guilds,
    requests,
    gatewayFrames: frames,
    clientOptions: (overrides = {}) => ({
      intents: overrides.intents ?? 1, // GatewayIntentBits.Guilds
      rest: {
        api: fake.apiBase,
        globalRequestsPerSecond: 1e6,
        offset: 0,
        timeout: 2000,
        retries: overrides.retries ?? 0,
      },
      waitGuildTimeout: overrides.waitGuildTimeout ?? 1000,
      // The default throttler waits 5 s between identifies of one manager.
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    }),
    waitForRequest: (matcher, timeoutMs = 2000) =>
      requestWaiters.wait((request) => matchRequest(matcher, request), timeoutMs),
    failNext: (matcher, fault, times = 1) => faults.add(matcher, fault, times),
    chatInput: (input) => buildChatInput(world, input),
    autocomplete: (input) => buildAutocomplete(world, input),
    modalSubmit: (input) => buildModalSubmit(world, input),
    buttonClick: (input) => buildButtonClick(world, input),
    interact(payload) {
      const user = payload.member?.user ?? payload.user ?? world.defaultUser;
      world.interactions.set(payload.token, {
        id: payload.id,
        token: payload.token,
        type: payload.type,
        channelId: payload.channel?.id,
        guildId: payload.guild_id,
        commandName: 'name' in payload.data ? payload.data.name : undefined,
        user,
        createdAt: Date.now(),
        acknowledged: false,
        original: undefined,
        followUps: [],
      });
      if (gateway.dispatch('INTERACTION_CREATE', payload) === 0) {
        throw new Error('fake Discord: no identified gateway session; log the client in first');
      }
    },
    interactAndWait(payload, timeoutMs) {
      const done = fake.waitForRequest({ method: 'POST', path: callbackPath(payload) }, timeoutMs);
      fake.interact(payload);
      return done;
    },
    waitForOriginalEdit: (payload, timeoutMs) =>
      fake.waitForRequest({ method: 'PATCH', path: `${webhookPath(payload)}/messages/@original` }, timeoutMs),
    waitForFollowUp: (payload, timeoutMs) =>
      fake.waitForRequest({ method: 'POST', path: webhookPath(payload) }, timeoutMs),
    interactionState: (payload) => world.interactions.get(payload.token),
    dispatch(event, data) {
      if (gateway.dispatch(event, data) === 0) throw new Error('fake Discord: no identified gateway session');
    },
    disconnect: (code = 4000, shardId) => gateway.disconnect(code, shardId),
    identifiedShards: () => gateway.identifiedShards(),
    waitForGatewayOp: (op, timeoutMs = 2000, since = 0) =>
      frameWaiters.wait((frame) => frame.op === op && frames.indexOf(frame) >= since, timeoutMs),
    messages: (channelId) => [...(world.messages.get(channelId) ?? [])].reverse(),
    seedMessage(channelId, message = {}) {
      const time = message.timestamp ? Date.parse(message.timestamp) : undefined;
      const seeded = createMessage(world, channelId, {}, { id: createSnowflake(time), ...message });
      storeMessage(world, seeded);
      return seeded;
    },
    commands: (guildId) => (guildId ? (world.guildCommands.get(guildId) ?? []) : world.globalCommands),
    async close() {
      requestWaiters.cancelAll('fake Discord closed');
      frameWaiters.cancelAll('fake Discord closed');
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await gateway.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return fake;
}
