import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApplicationFlags, GatewayReadyDispatchData } from 'discord.js';
import { type WebSocket, WebSocketServer } from 'ws';
import type { GatewayFrame } from './types.ts';
import { guildCreatePayload, type World } from './world.ts';

/** What the gateway needs from the server that owns it. */
export interface GatewayDependencies {
  world: World;
  heartbeatIntervalMs: number;
  gatewayUrl: () => string;
  /** Called for every frame the client sends. */
  record: (frame: GatewayFrame) => void;
}

interface Connection {
  socket: WebSocket;
  sessionId: string | undefined;
}

/** A shard as IDENTIFY names it: `[shard_id, num_shards]`. */
export type ShardPair = [id: number, count: number];

/** The shard that receives a server's events: Discord's formula, `(guild_id >> 22) % num_shards`. */
export const shardOfGuild = (guildId: string, count: number): number =>
  Number((BigInt(guildId) >> 22n) % BigInt(count));

/** The shard IDENTIFY asked for, or [0, 1] when it named none (or named one that cannot be). */
function shardOf(data: unknown): ShardPair {
  const shard = (data as { shard?: unknown } | undefined)?.shard;
  if (!Array.isArray(shard) || shard.length !== 2) return [0, 1];
  const [id, count] = shard as unknown[];
  const valid = Number.isInteger(id) && Number.isInteger(count) && (count as number) >= 1;
  return valid && (id as number) >= 0 && (id as number) < (count as number)
    ? [id as number, count as number]
    : [0, 1];
}

/**
 * Discord's gateway for one or several shards: HELLO, IDENTIFY (with `shard: [id, count]`) → READY + GUILD_CREATE
 * for the servers of that shard only, heartbeat ACKs, RESUME → RESUMED on the same session (and shard).
 */
export class FakeGateway {
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();
  /** Last sequence number per session, so a RESUME continues the count. */
  readonly #sessions = new Map<string, { seq: number; shard: ShardPair }>();
  #sessionCount = 0;
  readonly #dependencies: GatewayDependencies;

  constructor(dependencies: GatewayDependencies) {
    this.#dependencies = dependencies;
  }

  /** Takes over an HTTP upgrade request (any query string: discord.js adds ?v=10&encoding=json). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(request, socket, head, (ws) => this.#accept(ws));
  }

  #accept(socket: WebSocket): void {
    const connection: Connection = { socket, sessionId: undefined };
    this.#connections.add(connection);
    socket.on('close', () => this.#connections.delete(connection));
    socket.on('message', (data) => this.#receive(connection, String(data)));
    this.#send(socket, { op: 10, d: { heartbeat_interval: this.#dependencies.heartbeatIntervalMs } });
  }

  #send(socket: WebSocket, payload: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  #dispatchTo(connection: Connection, event: string, data: unknown): void {
    const session = this.#sessions.get(connection.sessionId ?? '');
    if (!session) return;
    session.seq += 1;
    this.#send(connection.socket, { op: 0, t: event, s: session.seq, d: data });
  }

  #receive(connection: Connection, text: string): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      connection.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    const op = typeof frame.op === 'number' ? frame.op : -1;
    this.#dependencies.record({ op, d: frame.d, time: Date.now() });
    if (op === 1) this.#send(connection.socket, { op: 11, d: null });
    else if (op === 2) this.#identify(connection, frame.d);
    else if (op === 6) this.#resume(connection, frame.d as { session_id?: string } | undefined);
  }

  #identify(connection: Connection, data: unknown): void {
    const { world } = this.#dependencies;
    const shard = shardOf(data);
    this.#sessionCount += 1;
    const sessionId = `fake-session-${this.#sessionCount}`;
    this.#sessions.set(sessionId, { seq: 0, shard });
    connection.sessionId = sessionId;
    const guilds = world.guilds.filter((guild) => shardOfGuild(guild.id, shard[1]) === shard[0]);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: world.botUser,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: this.#dependencies.gatewayUrl(),
      shard,
      application: { id: world.appId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.#dispatchTo(connection, 'READY', ready);
    // Without a GUILD_CREATE per READY guild, clientReady waits for waitGuildTimeout.
    for (const guild of guilds)
      this.#dispatchTo(connection, 'GUILD_CREATE', guildCreatePayload(world, guild));
  }

  #resume(connection: Connection, data: { session_id?: string } | undefined): void {
    const sessionId = data?.session_id ?? '';
    if (!this.#sessions.has(sessionId)) {
      this.#send(connection.socket, { op: 9, d: false });
      return;
    }
    connection.sessionId = sessionId;
    this.#dispatchTo(connection, 'RESUMED', {});
  }

  /**
   * Sends a dispatch event to every identified connection, or, for an event about one server (`guild_id`), to the
   * connection of that server's shard only; returns how many received it.
   */
  dispatch(event: string, data: unknown): number {
    const guildId = (data as { guild_id?: unknown } | null)?.guild_id;
    let sent = 0;
    for (const connection of this.#connections) {
      if (!connection.sessionId || connection.socket.readyState !== connection.socket.OPEN) continue;
      const shard = this.#sessions.get(connection.sessionId)?.shard ?? [0, 1];
      if (typeof guildId === 'string' && shardOfGuild(guildId, shard[1]) !== shard[0]) continue;
      this.#dispatchTo(connection, event, data);
      sent += 1;
    }
    return sent;
  }

  /**
   * Closes client sockets from the server side (4000 leads discord.js to RESUME, 1000 to re-IDENTIFY): every
   * one, or only those of shard `shardId`.
   */
  disconnect(code: number, shardId?: number): void {
    for (const connection of this.#connections) {
      const shard = this.#sessions.get(connection.sessionId ?? '')?.shard;
      if (shardId === undefined || shard?.[0] === shardId) connection.socket.close(code, 'fake disconnect');
    }
  }

  /** The shards identified on open connections, as `[id, count]`, one entry per connection. */
  identifiedShards(): ShardPair[] {
    return [...this.#connections].flatMap((connection) => {
      const session = this.#sessions.get(connection.sessionId ?? '');
      return session && connection.socket.readyState === connection.socket.OPEN ? [session.shard] : [];
    });
  }

  /** Drops every socket at once and stops accepting new ones. */
  close(): Promise<void> {
    for (const connection of this.#connections) connection.socket.terminate();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
