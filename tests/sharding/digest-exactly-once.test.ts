import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { shardOfGuild } from '../../bot/discord/shards.ts';
import { describePostgres, freshDatabase, terminateConnections } from '../postgres/support/database.ts';
import type { FakeDiscord } from '../support/fake-discord.ts';
import {
  type RunningShards,
  scheduleDigests,
  startServers,
  startShardProcesses,
  until,
} from './support/world.ts';

/** 1,000 servers with BRIEFING_LOAD_SERVERS=1000 (the load test); fewer by default, for 2 shared cores. */
const SERVERS = Number(process.env.BRIEFING_LOAD_SERVERS ?? 120);
const SHARDS = 2;
const MESSAGE_POST = /^\/channels\/(\d+)\/messages$/;

describePostgres('digests from two shard processes on one database', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  const countPosted = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM digest_posts GROUP BY status',
      );
      return Object.fromEntries(rows.rows.map((row) => [row.status, row.n])) as Record<string, number>;
    } finally {
      await client.end();
    }
  };

  /** Each channel's digest messages by nonce: a nonce seen twice is a digest posted twice. */
  const postsByChannel = (fake: FakeDiscord) =>
    new Map(
      fake.guilds.map((guild) => {
        const channelId = guild.channels[0]!.id;
        return [channelId, fake.messages(channelId).map((message) => String(message.nonce))] as const;
      }),
    );

  it(`posts each of ${SERVERS} digests once, through a SIGKILLed shard and cut database connections`, async () => {
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const fake = await startServers(SERVERS, SHARDS);
    cleanups.push(() => fake.close());
    // Each post takes a while, as on Discord, so the kill lands while a shard is still posting.
    fake.failNext({ method: 'POST', path: MESSAGE_POST }, { delayMs: 25 }, SERVERS * 10);
    await scheduleDigests(database.url, fake);
    const shards: RunningShards = await startShardProcesses(fake, database.url, SHARDS);
    cleanups.push(() => shards.stop());

    const guildOfChannel = new Map(fake.guilds.map((guild) => [guild.channels[0]!.id, guild.id]));
    const postsOfShard = (shard: number) =>
      fake.requests.filter((request) => {
        const channel = MESSAGE_POST.exec(request.path)?.[1];
        const guild = channel && guildOfChannel.get(channel);
        return request.method === 'POST' && guild && shardOfGuild(guild, SHARDS) === shard;
      }).length;
    const perShard = SERVERS / SHARDS;

    await until(() => postsOfShard(0) >= perShard / 5, 120_000, 'shard 0 to start posting');
    const killed = shards.pids.get(0)!;
    process.kill(killed, 'SIGKILL');
    await until(() => (shards.pids.get(0) ?? killed) !== killed, 60_000, 'shard 0 to be started again');
    await until(() => postsOfShard(1) >= perShard / 3, 120_000, 'shard 1 to be posting');
    expect(await terminateConnections(database.name)).toBeGreaterThan(0);

    const waitMs = Number(process.env.BRIEFING_LOAD_WAIT_MS ?? 240_000);
    try {
      await until(async () => (await countPosted(database.url)).posted === SERVERS, waitMs, 'every digest');
    } catch (error) {
      // What the shards said is the only account of why a digest never came.
      const said = shards.lines.filter((line) => !line.includes('"digestPosted"'));
      console.error(JSON.stringify(await countPosted(database.url)), said.slice(-80).join('\n'));
      throw error;
    }
    expect(await countPosted(database.url)).toEqual({ posted: SERVERS });
    const posts = postsByChannel(fake);
    const duplicated = [...posts].filter(([, nonces]) => new Set(nonces).size !== nonces.length);
    expect(duplicated).toEqual([]);
    expect([...posts.values()].filter((nonces) => nonces.length === 0)).toEqual([]);
    expect(shards.lines.some((line) => line.includes('"shard.died"'))).toBe(true);
  }, 420_000);
});
