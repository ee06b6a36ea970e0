import type { Client } from 'discord.js';

/** The shard that receives a server's events: Discord's formula, `(guild_id >> 22) % num_shards`. */
export const shardOfGuild = (guildId: string, shardCount: number): number =>
  Number((BigInt(guildId) >> 22n) % BigInt(shardCount));

/**
 * Whether this client's shards hold a server, for a client started by the sharding manager (which sets
 * SHARDS and SHARD_COUNT); undefined for a client that holds every server.
 */
export function guildOwner(client: Client): ((guildId: string) => boolean) | undefined {
  const count = client.shard?.count ?? client.options.shardCount ?? 1;
  const ids = client.shard?.ids ?? (Array.isArray(client.options.shards) ? client.options.shards : undefined);
  if (count <= 1 || !ids) return undefined;
  const mine = new Set(ids);
  return (guildId) => /^\d{17,20}$/.test(guildId) && mine.has(shardOfGuild(guildId, count));
}
