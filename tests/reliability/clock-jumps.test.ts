import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestLog } from '../../bot/digest/digest-log.ts';

const GUILD = '111111111111111111';
const owner = { id: 'scheduler', pid: process.pid, host: 'here' };
const day = (date: string, time = '07:00:00') => new Date(`${date}T${time}Z`);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clock-jumps-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const open = async () => {
  const opened = await DigestLog.open(dir);
  if (!opened.ok) throw new Error(opened.code);
  return opened.value;
};

/** Claims and posts the server's digest of `localDate` when the clock reads `now`; returns whether it was sent. */
async function post(log: DigestLog, localDate: string, now: Date): Promise<boolean> {
  const [claim] = await log.claim([{ guildId: GUILD, localDate }], owner, now, 60_000);
  if (!claim) return false;
  await log.markPosted(claim, ['222222222222222222'], now);
  return true;
}

describe('the digest log when the clock jumps', () => {
  it('never posts a local date twice, whatever the clock does, across restarts', async () => {
    let log = await open();
    expect(await post(log, '2025-11-04', day('2025-11-04'))).toBe(true);
    // The clock jumps ten days forward: that day's digest goes out, and old records are pruned.
    expect(await post(log, '2025-11-14', day('2025-11-14'))).toBe(true);
    await log.close();
    log = await open();
    // Then back to the first day, and to a day in between, then forward again to the jump's day.
    expect(await post(log, '2025-11-04', day('2025-11-04', '09:00:00'))).toBe(false);
    expect(await post(log, '2025-11-09', day('2025-11-09'))).toBe(false);
    expect(await post(log, '2025-11-14', day('2025-11-14', '12:00:00'))).toBe(false);
    // Time moves on from there: the next day is posted once.
    expect(await post(log, '2025-11-15', day('2025-11-15'))).toBe(true);
    expect(await post(log, '2025-11-15', day('2025-11-18'))).toBe(false);
    await log.close();
  });
});
