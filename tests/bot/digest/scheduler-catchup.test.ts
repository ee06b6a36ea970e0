import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, ids, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const server = ids(5);

describe('catching up after downtime', () => {
  it('posts once when the bot comes back within the window (6 hours by default)', async () => {
    h = await startHarness([server]);
    await h.sweep(await h.scheduler(), '2025-11-04T13:59:00Z', '2025-11-04T16:00:00Z', 15);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-04']);
    expect(h.lines.find((l) => l.event === 'digestPosted')?.at).toBe('2025-11-04T13:59:00.000Z');
  });

  it('skips the day, says so once in the log, and is back on time the next day when it comes back too late', async () => {
    h = await startHarness([server]);
    await h.sweep(await h.scheduler(), '2025-11-04T14:01:00Z', '2025-11-05T09:00:00Z', 30);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-05']);
    const skipped = h.lines.filter((l) => l.event === 'digestSkipped');
    expect(skipped).toEqual([
      expect.objectContaining({ guildId: server.guildId, localDate: '2025-11-04', reason: 'outsideWindow' }),
    ]);
  });

  it('skips a restart that stays down past the window even after a later restart', async () => {
    h = await startHarness([server]);
    await h.sweep(await h.scheduler(), '2025-11-04T14:30:00Z', '2025-11-04T14:40:00Z', 5);
    await h.sweep(await h.scheduler(), '2025-11-04T15:00:00Z', '2025-11-04T15:10:00Z', 5);
    expect(h.posts(server.channelId)).toEqual([]);
    expect(h.lines.filter((l) => l.event === 'digestSkipped')).toHaveLength(1);
  });

  it('uses the configured window', async () => {
    h = await startHarness([server]);
    await h.sweep(await h.scheduler({ catchUpHours: 2 }), '2025-11-04T10:30:00Z', '2025-11-04T11:00:00Z', 10);
    expect(h.posts(server.channelId)).toEqual([]);
    await h.sweep(await h.scheduler({ catchUpHours: 2 }), '2025-11-05T09:30:00Z', '2025-11-05T10:00:00Z', 10);
    expect(h.postedDates(server.channelId)).toEqual(['2025-11-05']);
  });
});
