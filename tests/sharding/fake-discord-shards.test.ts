import { Client, Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { shardOfGuild } from '../../bot/discord/shards.ts';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord.ts';
import { createSnowflake } from '../support/snowflake.ts';

/** Server ids made at successive milliseconds, so Discord's formula spreads them over the shards. */
const guildIds = (count: number) =>
  Array.from({ length: count }, (_, i) => createSnowflake(Date.parse('2024-01-01T00:00:00Z') + i));

describe('the Discord stand-in serving several shards', () => {
  let fake: FakeDiscord | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.destroy();
    await fake?.close();
  });

  const login = async (shard: number, count: number) => {
    const client = new Client({ ...fake!.clientOptions(), shards: [shard], shardCount: count });
    clients.push(client);
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login('fake-token');
    await ready;
    return client;
  };

  it('gives each shard the servers of Discord’s formula and recommends a shard count', async () => {
    const ids = guildIds(8);
    fake = await startFakeDiscord({ guilds: ids.map((id) => ({ id })), shards: 2 });
    const [zero, one] = [await login(0, 2), await login(1, 2)];
    const expected = (shard: number) => ids.filter((id) => shardOfGuild(id, 2) === shard).sort();
    expect([...zero.guilds.cache.keys()].sort()).toEqual(expected(0));
    expect([...one.guilds.cache.keys()].sort()).toEqual(expected(1));
    expect(expected(0).length).toBeGreaterThan(0);
    expect(expected(1).length).toBeGreaterThan(0);
    expect(fake.identifiedShards().sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const gateway = await fetch(`${fake.apiBase}/v10/gateway/bot`, { headers: { authorization: 'Bot x' } });
    expect(((await gateway.json()) as { shards: number }).shards).toBe(2);
  });

  it('sends a server’s interaction to its shard only', async () => {
    const ids = guildIds(4);
    fake = await startFakeDiscord({ guilds: ids.map((id) => ({ id })) });
    const shards = [await login(0, 2), await login(1, 2)];
    const seen: number[] = [];
    for (const [shard, client] of shards.entries())
      client.on(Events.InteractionCreate, () => seen.push(shard));
    const target = ids.find((id) => shardOfGuild(id, 2) === 1)!;
    const channelId = fake.guilds.find((guild) => guild.id === target)!.channels[0]!.id;
    const payload = fake.chatInput({ name: 'ask', guildId: target, channelId });
    fake.interact(payload);
    await expect.poll(() => seen).toEqual([1]);
  });

  it('resumes one shard’s session after the stand-in drops it, leaving the other shard alone', async () => {
    fake = await startFakeDiscord({ guilds: guildIds(4).map((id) => ({ id })) });
    const [zero, one] = [await login(0, 2), await login(1, 2)];
    const resumed = new Promise<number>((resolve) => one.once(Events.ShardResume, (id) => resolve(id)));
    const since = fake.gatewayFrames.length;
    fake.disconnect(4000, 1);
    expect(await resumed).toBe(1);
    const resume = await fake.waitForGatewayOp(6, 2000, since);
    expect((resume.d as { session_id: string }).session_id).toBeTruthy();
    expect(fake.gatewayFrames.slice(since).filter((frame) => frame.op === 2)).toEqual([]);
    expect(zero.ws.shards.get(0)?.status).toBe(0);
    expect(fake.identifiedShards()).toHaveLength(2);
  });

  it('returns the first message for a nonce sent again with enforce_nonce, as Discord does', async () => {
    fake = await startFakeDiscord();
    const channelId = fake.guilds[0]!.channels[0]!.id;
    const send = () =>
      fetch(`${fake!.apiBase}/v10/channels/${channelId}/messages`, {
        method: 'POST',
        headers: { authorization: 'Bot x', 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'digest', nonce: 'digest-1', enforce_nonce: true }),
      }).then((response) => response.json() as Promise<{ id: string }>);
    const [first, second] = [await send(), await send()];
    expect(second.id).toBe(first.id);
    expect(fake.messages(channelId)).toHaveLength(1);
  });
});
