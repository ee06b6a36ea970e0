import { afterEach, describe, expect, it } from 'vitest';
import type { DigestLogStore } from '../../../bot/digest/digest-log.ts';
import { DigestLog } from '../../../bot/digest/digest-log.ts';
import { type Harness, ids, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const server = ids(3);

/** The log of a process that dies right after Discord accepted a post: recording it, and everything after, fails. */
async function logThatCrashesAfterPosting(dir: string): Promise<DigestLogStore> {
  const opened = await DigestLog.open(dir);
  if (!opened.ok) throw new Error(opened.code);
  const log = opened.value;
  const crash = () => Promise.reject(new Error('process crashed'));
  return {
    refresh: () => log.refresh(),
    get: (guildId, date) => log.get(guildId, date),
    lastPostedAt: (guildId) => log.lastPostedAt(guildId),
    claim: (...args) => log.claim(...args),
    markPosted: crash,
    markSkipped: crash,
    markFailed: crash,
  };
}

describe('exactly one digest per server and local date across restarts', () => {
  it('posts once when the bot restarts just before the scheduled minute', async () => {
    h = await startHarness([server]);
    await h.sweep(await h.scheduler(), '2025-11-04T07:58:00Z', '2025-11-04T07:59:30Z', 0.5);
    await h.sweep(await h.scheduler(), '2025-11-04T07:59:45Z', '2025-11-04T08:05:00Z', 0.25);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-04']);
  });

  it('does not post again when the bot restarts during the scheduled minute, after posting', async () => {
    h = await startHarness([server]);
    await h.sweep(await h.scheduler(), '2025-11-04T08:00:00Z', '2025-11-04T08:00:20Z', 1 / 6);
    await h.sweep(await h.scheduler(), '2025-11-04T08:00:30Z', '2025-11-04T08:01:00Z', 1 / 6);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-04']);
  });

  it('posts once, late, when the bot comes back after the scheduled minute', async () => {
    h = await startHarness([server]);
    await h.sweep(await h.scheduler(), '2025-11-04T07:00:00Z', '2025-11-04T07:50:00Z', 10);
    // Down from 07:50 to 09:12.
    await h.sweep(await h.scheduler(), '2025-11-04T09:12:00Z', '2025-11-04T12:00:00Z', 15);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-04']);
    expect(h.lines.find((l) => l.event === 'digestPosted')?.at).toBe('2025-11-04T09:12:00.000Z');
  });

  it('posts once when two processes tick at the same moment', async () => {
    h = await startHarness([server]);
    h.setNow('2025-11-04T08:00:00Z');
    const [first, second] = [await h.scheduler(), await h.scheduler()];
    await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
    expect(h.posts(server.channelId)).toHaveLength(1);
  });

  it('finds the post in the channel instead of posting again after a crash between sending and recording', async () => {
    h = await startHarness([server]);
    h.setNow('2025-11-04T08:00:00Z');
    const crashing = await h.scheduler({ log: await logThatCrashesAfterPosting(h.dir) });
    await expect(crashing.tick()).rejects.toThrow('process crashed');
    expect(h.posts(server.channelId)).toHaveLength(1);

    // Restarted at once: the claim is still held, so nothing is sent.
    const restarted = await h.scheduler();
    h.setNow('2025-11-04T08:01:00Z');
    await restarted.tick();
    // Once the claim expires, the restarted bot reads the channel, finds the digest, records it.
    await h.sweep(restarted, '2025-11-04T08:16:00Z', '2025-11-04T10:00:00Z', 5);
    expect(h.posts(server.channelId)).toHaveLength(1);
    expect(
      h.fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${server.channelId}/messages`),
    ).toBe(true);
    expect(h.lines.find((l) => l.event === 'digestRecovered')).toMatchObject({
      guildId: server.guildId,
      localDate: '2025-11-04',
    });
    const reopened = await DigestLog.open(h.dir);
    expect(reopened.ok && reopened.value.get(server.guildId, '2025-11-04')).toMatchObject({
      status: 'posted',
      recovered: true,
    });
    // And the next day is business as usual.
    await h.sweep(restarted, '2025-11-05T07:55:00Z', '2025-11-05T08:05:00Z', 5);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-04', '2025-11-05']);
  });

  it('posts after a crash that happened before Discord accepted anything, once the claim expires', async () => {
    h = await startHarness([server]);
    h.setNow('2025-11-04T08:00:00Z');
    const opened = await DigestLog.open(h.dir);
    if (!opened.ok) throw new Error(opened.code);
    // A process claimed the digest and died before sending.
    await opened.value.claim(
      [{ guildId: server.guildId, localDate: '2025-11-04' }],
      { id: 'dead', pid: process.pid, host: 'h' },
      h.now(),
      15 * 60_000,
    );
    const restarted = await h.scheduler();
    await h.sweep(restarted, '2025-11-04T08:05:00Z', '2025-11-04T09:00:00Z', 5);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-04']);
    expect(h.lines.find((l) => l.event === 'digestPosted')?.at).toBe('2025-11-04T08:15:00.000Z');
  });
});
