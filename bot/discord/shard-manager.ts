import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { restOptions } from './client.ts';

export interface ShardManagerOptions {
  token: string;
  /** `auto`: as many as Discord recommends (GET /gateway/bot); or a number. */
  shards: 'auto' | number;
  apiBase?: string;
  /** Where shard lifecycle events go (spawned, died, respawned). */
  log: (event: string, fields: Record<string, unknown>) => void;
  /** Shards started at once and the wait between two (Discord allows one identify per 5 s per bucket). */
  spawnDelayMs?: number;
}

const ENTRY = fileURLToPath(new URL('../briefing.mjs', import.meta.url));

/** The shard count Discord recommends for this bot, asked of the configured API (the stand-in in tests). */
export async function recommendedShards(token: string, apiBase?: string): Promise<number> {
  const rest = new REST({ version: '10', ...restOptions(apiBase ? { apiBase } : {}) }).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, gateway.shards ?? 1);
}

/**
 * discord.js's ShardingManager over `briefing bot`: one child process per shard, each identifying with
 * `shard: [id, count]` (from the SHARDS and SHARD_COUNT it sets), each scheduling only its own servers' digests.
 * A shard that dies is started again by the manager; with DATABASE_URL they all share one store.
 */
export async function startShards(options: ShardManagerOptions): Promise<ShardingManager> {
  const total =
    options.shards === 'auto' ? await recommendedShards(options.token, options.apiBase) : options.shards;
  const manager = new ShardingManager(ENTRY, {
    token: options.token,
    totalShards: total,
    shardArgs: ['bot'],
    respawn: true,
    mode: 'process',
  });
  manager.on('shardCreate', (shard) => {
    shard.on('spawn', (child) =>
      options.log('shard.spawned', { shard: shard.id, total, pid: 'pid' in child ? child.pid : undefined }),
    );
    // A shard that dies before it is ready emits 'error'; unheard, it would end the manager and every shard.
    shard.on('error', (error) => options.log('shard.error', { shard: shard.id, error: String(error) }));
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : undefined;
      options.log('shard.died', { shard: shard.id, code });
    });
  });
  await manager.spawn({ amount: total, delay: options.spawnDelayMs ?? 5500, timeout: 120_000 });
  return manager;
}
