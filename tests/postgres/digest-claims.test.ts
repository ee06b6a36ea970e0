import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { PostgresDigestLog } from '../../bot/digest/postgres-log.ts';
import { createPool } from '../../bot/store/postgres/pool.ts';
import { describePostgres, freshDatabase } from './support/database.ts';

const GUILDS = ['111111111111111111', '222222222222222222', '333333333333333333'];
const DATE = '2025-11-04';
const NOW = new Date('2025-11-04T08:00:00Z');
const TTL = 60_000;
const owner = (id: string) => ({ id, pid: process.pid, host: 'elsewhere' });
const requests = GUILDS.map((guildId) => ({ guildId, localDate: DATE }));

describePostgres('digest claims on PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const setUp = async () => {
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const pool = createPool(database.url);
    cleanups.push(() => pool.end());
    return { pool, url: database.url, log: () => new PostgresDigestLog(pool, () => NOW) };
  };

  it('gives each digest to one of two schedulers claiming at once', async () => {
    const { log } = await setUp();
    const [a, b] = [log(), log()];
    const [first, second] = await Promise.all([
      a.claim(requests, owner('a'), NOW, TTL),
      b.claim(requests, owner('b'), NOW, TTL),
    ]);
    expect([...first, ...second].map((claim) => claim.guildId).sort()).toEqual(GUILDS);
    await a.refresh();
    expect(a.get(GUILDS[0]!, DATE)?.status).toBe('claimed');
  });

  it('hands an expired claim over with a new epoch, and ignores what the old holder writes after', async () => {
    const { log, url } = await setUp();
    const [dead, taker] = [log(), log()];
    const [old] = await dead.claim(requests.slice(0, 1), owner('dead'), NOW, TTL);
    expect(await taker.claim(requests.slice(0, 1), owner('taker'), NOW, TTL)).toEqual([]);
    const later = new Date(NOW.getTime() + TTL + 1);
    const [taken] = await taker.claim(requests.slice(0, 1), owner('taker'), later, TTL);
    expect(taken).toMatchObject({ recovering: true, attempts: 2, epoch: 2 });
    // The old holder wakes up and records its post: fenced out, nothing changes.
    await dead.markPosted(old!, ['999999999999999999'], later);
    await taker.refresh();
    expect(taker.get(GUILDS[0]!, DATE)).toMatchObject({ status: 'claimed', owner: { id: 'taker' } });
    await taker.markPosted(taken!, ['888888888888888888'], later, true);
    await taker.refresh();
    expect(taker.get(GUILDS[0]!, DATE)).toMatchObject({
      status: 'posted',
      messageIds: ['888888888888888888'],
    });
    expect(taker.lastPostedAt(GUILDS[0]!)).toEqual(later);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await expect(
      client.query("UPDATE digest_posts SET status = 'claimed', owner_id = 'x', lease_until = now()"),
    ).rejects.toThrow(/already posted/);
    await client.end();
  });

  it('takes over at once a claim whose process on this machine is gone', async () => {
    const { log } = await setUp();
    const gone = { id: 'gone', pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname() };
    await log().claim(requests.slice(0, 1), gone, NOW, TTL);
    const [taken] = await log().claim(requests.slice(0, 1), owner('taker'), NOW, TTL);
    expect(taken).toMatchObject({ recovering: true, epoch: 2 });
  });

  it('keeps a posted or skipped digest as it is, and retries a failed one only once its time comes', async () => {
    const { log } = await setUp();
    const store = log();
    const [claim, failing] = await store.claim(requests.slice(0, 2), owner('a'), NOW, TTL);
    await store.markPosted(claim!, ['777777777777777777'], NOW);
    expect(
      await store.markSkipped([claim!, { guildId: GUILDS[2]!, localDate: DATE }], 'outsideWindow', NOW),
    ).toEqual([{ guildId: GUILDS[2], localDate: DATE }]);
    const retryAt = new Date(NOW.getTime() + 5000);
    await store.markFailed(failing!, 'discordUnavailable', NOW, retryAt);
    expect(await store.claim(requests.slice(0, 3), owner('b'), NOW, TTL)).toEqual([]);
    const retried = await store.claim(requests.slice(1, 2), owner('b'), retryAt, TTL);
    expect(retried).toMatchObject([{ guildId: GUILDS[1], recovering: true, attempts: 2 }]);
  });
});
