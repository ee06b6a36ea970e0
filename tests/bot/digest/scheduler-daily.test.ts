import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDigestMarker } from '../../../bot/digest/pack.ts';
import { type Harness, ids, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const paris = ids(1);
const toronto = ids(2);

describe('the daily digest', () => {
  it('posts once a day to each of two servers, at 08:00 in their own time zones', async () => {
    h = await startHarness([
      { ...paris, digest: { timeZone: 'Europe/Paris' } },
      { ...toronto, digest: { timeZone: 'America/Toronto' } },
    ]);
    const scheduler = await h.scheduler();
    await h.sweep(scheduler, '2025-11-04T00:00:00Z', '2025-11-06T23:30:00Z', 30);
    expect(h.postedDates(paris.channelId)).toEqual(['2025-11-04', '2025-11-05', '2025-11-06']);
    expect(h.postedDates(toronto.channelId)).toEqual(['2025-11-04', '2025-11-05', '2025-11-06']);
    // 08:00 is 07:00Z in Paris and 13:00Z in Toronto in November; each post went out at the first tick after it.
    const postedAt = (channelId: string) =>
      h!.lines.filter((l) => l.event === 'digestPosted' && l.channelId === channelId).map((l) => l.at);
    expect(postedAt(paris.channelId)).toEqual([
      '2025-11-04T07:00:00.000Z',
      '2025-11-05T07:00:00.000Z',
      '2025-11-06T07:00:00.000Z',
    ]);
    expect(postedAt(toronto.channelId)).toEqual([
      '2025-11-04T13:00:00.000Z',
      '2025-11-05T13:00:00.000Z',
      '2025-11-06T13:00:00.000Z',
    ]);
  });

  it('posts a French and an English message for a server in both languages', async () => {
    h = await startHarness([{ ...paris, lang: 'both' }]);
    h.setNow('2025-11-04T08:00:30Z');
    await (await h.scheduler()).tick();
    const [fr, en] = h
      .posts(paris.channelId)
      .map((request) => request.body as { embeds: { title?: string; footer?: { text: string } }[] });
    expect(readDigestMarker(fr?.embeds.at(-1)?.footer?.text)?.lang).toBe('fr');
    expect(readDigestMarker(en?.embeds.at(-1)?.footer?.text)?.lang).toBe('en');
    expect(fr?.embeds[0]?.title).toContain('nov. 2025');
    expect(en?.embeds[0]?.title).toContain('Nov 4, 2025');
  });

  it('sends each message with a nonce Discord enforces, and without pinging anyone', async () => {
    h = await startHarness([paris]);
    h.setNow('2025-11-04T08:00:00Z');
    await (await h.scheduler()).tick();
    const body = h.posts(paris.channelId)[0]?.body as {
      nonce?: string;
      enforce_nonce?: boolean;
      allowed_mentions?: { parse: string[] };
    };
    expect(body.nonce).toMatch(/^.{1,25}$/);
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions?.parse).toEqual([]);
  });

  it('posts nothing on a quiet day when the server turned quiet digests off, and records the day', async () => {
    h = await startHarness([{ ...paris, digest: { quietDays: false } }]);
    const scheduler = await h.scheduler();
    // The first digest welcomes the server whatever the setting; the next day nothing has changed.
    await h.sweep(scheduler, '2025-11-03T07:50:00Z', '2025-11-03T09:00:00Z', 10);
    expect(h.postedDates(paris.channelId)).toEqual(['2025-11-03']);
    await h.sweep(scheduler, '2025-11-04T07:50:00Z', '2025-11-04T09:00:00Z', 10);
    expect(h.postedDates(paris.channelId)).toEqual(['2025-11-03']);
    expect(h.lines.filter((l) => l.event === 'digestNothingToPost')).toHaveLength(1);
  });

  it('leaves alone a server whose digest is off', async () => {
    h = await startHarness([{ ...paris, digest: { enabled: false } }]);
    const scheduler = await h.scheduler();
    await h.sweep(scheduler, '2025-11-04T07:00:00Z', '2025-11-04T12:00:00Z', 30);
    expect(h.posts(paris.channelId)).toEqual([]);
  });
});

describe('the running scheduler', () => {
  it('ticks at start (the catch-up), then wakes at the next scheduled time, or after 30 s when that is sooner', async () => {
    h = await startHarness([paris]);
    h.setNow('2025-11-04T07:59:50Z');
    const delays: number[] = [];
    const timers = {
      setTimeout: ((_: () => void, ms: number) => {
        delays.push(ms);
        return { unref: () => undefined };
      }) as unknown as typeof setTimeout,
      clearTimeout: (() => undefined) as typeof clearTimeout,
    };
    const scheduler = await h.scheduler({ timers });
    scheduler.start();
    await vi.waitFor(() => expect(delays).toHaveLength(1));
    await scheduler.stop();
    // The tick at start ran; the next wake-up is 08:00 UTC, 10 s away (plus a 50 ms margin).
    expect(delays).toEqual([10_050]);
    h.setNow('2025-11-04T08:00:00Z');
    const later = await h.scheduler({ timers });
    later.start();
    await vi.waitFor(() => expect(delays).toHaveLength(2));
    await later.stop();
    expect(delays[1]).toBe(30_000);
    expect(h.postedDates(paris.channelId)).toEqual(['2025-11-04']);
  });
});
