import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_LOG_FILE, DigestLog } from '../../../bot/digest/digest-log.ts';
import type { ClaimOwner } from '../../../bot/digest/log-schema.ts';

const GUILD = '111111111111111111';
const owner = (id: string): ClaimOwner => ({ id, pid: process.pid, host: 'this-host' });
const NOW = new Date('2025-11-04T07:00:00Z');
const TTL = 15 * 60_000;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digest-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const open = async () => {
  const opened = await DigestLog.open(dir);
  if (!opened.ok) throw new Error(opened.code);
  return opened.value;
};

describe('the digest log', () => {
  it('lets only one of two logs on the same folder claim a digest, however they interleave', async () => {
    for (let round = 0; round < 20; round++) {
      const [a, b] = [await open(), await open()];
      const date = `2025-11-${String(round + 1).padStart(2, '0')}`;
      const request = [{ guildId: GUILD, localDate: date }];
      const [mine, theirs] = await Promise.all([
        a.claim(request, owner('a'), NOW, TTL),
        b.claim(request, owner('b'), NOW, TTL),
      ]);
      expect(mine.length + theirs.length).toBe(1);
    }
  });

  it('lets one process hold the log: a second one on the same folder is refused, the first claims every digest', async () => {
    const worker = join(import.meta.dirname, 'claim-worker.ts');
    const spawn = (name: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', worker, dir, name, '25', '2']).then(
        ({ stdout }) => JSON.parse(stdout) as string[] | { refused: string },
      );
    const results = await Promise.all([spawn('first'), spawn('second')]);
    const refused = results.filter((result) => !Array.isArray(result));
    const won = results.filter((result) => Array.isArray(result));
    expect(refused).toEqual([{ refused: 'storeLocked' }]);
    expect(won[0]).toHaveLength(25);
  });

  it('keeps a posted digest posted: no later claim, no skip overwrites it', async () => {
    const log = await open();
    const [claim] = await log.claim([{ guildId: GUILD, localDate: '2025-11-04' }], owner('a'), NOW, TTL);
    await log.markPosted(claim!, ['222222222222222222'], NOW);
    expect(
      await log.claim(
        [{ guildId: GUILD, localDate: '2025-11-04' }],
        owner('b'),
        new Date('2025-11-05T00:00:00Z'),
        TTL,
      ),
    ).toEqual([]);
    expect(
      await log.markSkipped([{ guildId: GUILD, localDate: '2025-11-04' }], 'outsideWindow', NOW),
    ).toEqual([]);
    const reopened = await open();
    expect(reopened.get(GUILD, '2025-11-04')?.status).toBe('posted');
    expect(reopened.lastPostedAt(GUILD)).toEqual(NOW);
  });

  it('hands an abandoned claim to another scheduler once it expires, marked as possibly already posted', async () => {
    const log = await open();
    await log.claim([{ guildId: GUILD, localDate: '2025-11-04' }], owner('crashed'), NOW, TTL);
    const before = await log.claim(
      [{ guildId: GUILD, localDate: '2025-11-04' }],
      owner('b'),
      new Date(NOW.getTime() + TTL - 1),
      TTL,
    );
    const after = await log.claim(
      [{ guildId: GUILD, localDate: '2025-11-04' }],
      owner('b'),
      new Date(NOW.getTime() + TTL),
      TTL,
    );
    expect(before).toEqual([]);
    expect(after).toEqual([{ guildId: GUILD, localDate: '2025-11-04', attempts: 2, recovering: true }]);
  });

  it('offers a failed attempt again only from its retry time, and never a final failure', async () => {
    const log = await open();
    const request = [{ guildId: GUILD, localDate: '2025-11-04' }];
    const [claim] = await log.claim(request, owner('a'), NOW, TTL);
    await log.markFailed(claim!, 'discordUnavailable', NOW, new Date('2025-11-04T07:05:00Z'));
    expect(await log.claim(request, owner('a'), new Date('2025-11-04T07:04:59Z'), TTL)).toEqual([]);
    const [again] = await log.claim(request, owner('a'), new Date('2025-11-04T07:05:00Z'), TTL);
    expect(again?.recovering).toBe(true);
    await log.markFailed(again!, 'digestChannelMissing', NOW);
    expect(await log.claim(request, owner('b'), new Date('2025-11-06T00:00:00Z'), TTL)).toEqual([]);
  });

  it('refuses to open a file that is not a digest log, and leaves it as it was', async () => {
    const file = join(dir, DIGEST_LOG_FILE);
    await writeFile(file, '{"version":1,"records":{"x":{"status":"maybe"}},"lastPosted":{}}');
    const opened = await DigestLog.open(dir);
    expect(opened.ok).toBe(false);
    expect(opened.ok ? '' : opened.code).toBe('digestLogCorrupt');
    expect(await readFile(file, 'utf8')).toContain('"maybe"');
  });

  it('forgets records after three days but remembers when each server was last posted to', async () => {
    const log = await open();
    const [claim] = await log.claim(
      [{ guildId: GUILD, localDate: '2025-10-01' }],
      owner('a'),
      new Date('2025-10-01T07:00:00Z'),
      TTL,
    );
    await log.markPosted(claim!, [], new Date('2025-10-01T07:00:00Z'));
    await log.markSkipped([{ guildId: GUILD, localDate: '2025-11-04' }], 'outsideWindow', NOW);
    const reopened = await open();
    expect(reopened.get(GUILD, '2025-10-01')).toBeUndefined();
    expect(reopened.lastPostedAt(GUILD)).toEqual(new Date('2025-10-01T07:00:00Z'));
  });
});
