import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, ids, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const server = ids(4);

/** Ticks every 15 minutes across a whole local day and the hours around it, then reports the posts. */
async function dayOfTicks(timeZone: string, time: string, from: string, to: string) {
  h = await startHarness([{ ...server, digest: { timeZone, time } }]);
  await h.sweep(await h.scheduler(), from, to, 15);
  return {
    dates: h.postedDates(server.channelId),
    at: h.lines.filter((l) => l.event === 'digestPosted').map((l) => l.at),
  };
}

describe('daylight-saving days', () => {
  it('posts once in Paris on the spring-forward day, when 02:30 does not exist (at 03:00 local)', async () => {
    const posts = await dayOfTicks('Europe/Paris', '02:30', '2025-03-29T22:00:00Z', '2025-03-30T23:00:00Z');
    expect(posts).toEqual({ dates: ['2025-03-30'], at: ['2025-03-30T01:00:00.000Z'] });
  });

  it('posts once in Paris on the fall-back day, when 02:30 happens twice (at the first)', async () => {
    const posts = await dayOfTicks('Europe/Paris', '02:30', '2025-10-25T21:00:00Z', '2025-10-26T23:00:00Z');
    expect(posts).toEqual({ dates: ['2025-10-26'], at: ['2025-10-26T00:30:00.000Z'] });
  });

  it('posts once in Toronto on the spring-forward day, when 02:30 does not exist (at 03:00 local)', async () => {
    const posts = await dayOfTicks(
      'America/Toronto',
      '02:30',
      '2025-03-09T04:00:00Z',
      '2025-03-10T04:30:00Z',
    );
    expect(posts).toEqual({ dates: ['2025-03-09'], at: ['2025-03-09T07:00:00.000Z'] });
  });

  it('posts once in Toronto on the fall-back day, when 01:30 happens twice (at the first)', async () => {
    const posts = await dayOfTicks(
      'America/Toronto',
      '01:30',
      '2025-11-02T04:00:00Z',
      '2025-11-03T05:00:00Z',
    );
    expect(posts).toEqual({ dates: ['2025-11-02'], at: ['2025-11-02T05:30:00.000Z'] });
  });

  it('posts once when a restart falls between the two 01:30s of the fall-back day', async () => {
    h = await startHarness([{ ...server, digest: { timeZone: 'America/Toronto', time: '01:30' } }]);
    await h.sweep(await h.scheduler(), '2025-11-02T05:20:00Z', '2025-11-02T05:40:00Z', 5);
    await h.sweep(await h.scheduler(), '2025-11-02T06:25:00Z', '2025-11-02T06:45:00Z', 5);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-02']);
  });

  it('keeps posting at 08:00 local across the change, on both sides of it', async () => {
    const posts = await dayOfTicks('Europe/Paris', '08:00', '2025-03-29T00:00:00Z', '2025-03-31T23:00:00Z');
    expect(posts.at).toEqual([
      '2025-03-29T07:00:00.000Z',
      '2025-03-30T06:00:00.000Z',
      '2025-03-31T06:00:00.000Z',
    ]);
  });
});
