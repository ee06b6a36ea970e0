import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, ids, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const server = ids(6);
const postPath = `/channels/${server.channelId}/messages`;

describe('Discord errors while posting the digest', () => {
  it('waits out a 429 and posts once', async () => {
    h = await startHarness([server]);
    h.fake.failNext({ method: 'POST', path: postPath }, { status: 429, retryAfter: 0.05 });
    h.setNow('2025-11-04T08:00:00Z');
    await (await h.scheduler()).tick();
    const attempts = h.fake.requests
      .filter((r) => r.method === 'POST' && r.path === postPath)
      .map((r) => r.status);
    expect(attempts).toEqual([429, 200]);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-04']);
  });

  it('retries a 5xx with backoff and posts once', async () => {
    h = await startHarness([server]);
    h.fake.failNext({ method: 'POST', path: postPath }, { status: 502 }, 2);
    h.setNow('2025-11-04T08:00:00Z');
    await (await h.scheduler()).tick();
    const attempts = h.fake.requests
      .filter((r) => r.method === 'POST' && r.path === postPath)
      .map((r) => r.status);
    expect(attempts).toEqual([502, 502, 200]);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-04']);
  });

  it('gives up for the moment when Discord stays down, tries again later, and stops for the day after three attempts', async () => {
    h = await startHarness([server]);
    h.fake.failNext({ method: 'POST', path: postPath }, { status: 503 }, 1000);
    const scheduler = await h.scheduler();
    await h.sweep(scheduler, '2025-11-04T08:00:00Z', '2025-11-04T13:00:00Z', 5);
    const attempts = h.fake.requests.filter((r) => r.method === 'POST' && r.path === postPath);
    // Three attempts of four tries each (one, then three backoff retries); never a loop.
    expect(attempts).toHaveLength(12);
    expect(h.lines.filter((l) => l.event === 'digestPostFailed').map((l) => l.retryAt)).toEqual([
      '2025-11-04T08:05:00.000Z',
      '2025-11-04T08:15:00.000Z',
      undefined,
    ]);
    expect(h.settings.getGuild(server.guildId).digest.enabled).toBe(true);
  });

  it('turns the digest off when its channel was deleted, tells the moderators, and never tries again', async () => {
    h = await startHarness([{ ...server, deleted: true }]);
    const scheduler = await h.scheduler();
    await h.sweep(scheduler, '2025-11-04T08:00:00Z', '2025-11-05T09:00:00Z', 30);
    const guild = h.settings.getGuild(server.guildId);
    expect(guild.digest).toMatchObject({ enabled: false, disabledReason: 'digestChannelMissing' });
    expect(guild.pendingNotice).toBe('digestChannelMissing');
    expect(h.lines.filter((l) => l.event === 'digestDisabled')).toEqual([
      expect.objectContaining({ guildId: server.guildId, reason: 'digestChannelMissing', code: 10003 }),
    ]);
    const touched = h.fake.requests.filter((r) => r.path.startsWith(`/channels/${server.channelId}`));
    expect(touched.length).toBeLessThanOrEqual(2);
  });

  it('turns the digest off when the bot lost the permission to post there', async () => {
    h = await startHarness([server]);
    h.fake.failNext({ method: 'POST', path: postPath }, { status: 403, code: 50013 });
    const scheduler = await h.scheduler();
    await h.sweep(scheduler, '2025-11-04T08:00:00Z', '2025-11-04T12:00:00Z', 30);
    const guild = h.settings.getGuild(server.guildId);
    expect(guild.digest).toMatchObject({ enabled: false, disabledReason: 'digestPermissionMissing' });
    expect(guild.pendingNotice).toBe('digestPermissionMissing');
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path === postPath)).toHaveLength(1);
  });
});
