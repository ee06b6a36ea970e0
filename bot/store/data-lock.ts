import { randomBytes } from 'node:crypto';
import { readlinkSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fail, ok, type Result } from '../../facts/result.ts';
import { createSerialQueue } from '../../facts/store/queue.ts';
import { type FileSystem, nodeFileSystem } from './files/storage.ts';

/** The one lock of a data folder: whoever holds it is the only process that reads and writes facts, settings, digests. */
export const LOCK_FILE = 'briefing.lock';

interface Holder {
  pid: number;
  host: string;
  nonce: string;
}

/** The lock is a symbolic link whose target names its holder: `<pid>@<host>#<nonce>`. */
const targetOf = (holder: Holder) => `${holder.pid}@${holder.host}#${holder.nonce}`;
const holderOf = (target: string): Holder | null => {
  const match = /^(\d+)@(.*)#([0-9a-f]+)$/.exec(target);
  return match ? { pid: Number(match[1]), host: match[2]!, nonce: match[3]! } : null;
};

/** Folders this process holds, with how many of its stores share the lock. */
const held = new Map<string, { holder: Holder; users: number }>();
// Lock work of this process runs one step at a time, so its own stores never race each other for the file.
const serial = createSerialQueue();

/** A lock this process holds and never released (an exit without closing) goes with it. */
process.once('exit', () => {
  for (const [dir, { holder }] of held) {
    const path = join(dir, LOCK_FILE);
    try {
      if (holderOf(readlinkSync(path))?.nonce === holder.nonce) unlinkSync(path);
    } catch {
      // Gone already, or never readable: nothing of ours to remove.
    }
  }
});

/**
 * Takes the lock of `dir` for this process, or shares it with the other stores of this process that hold it.
 * The lock is a symbolic link created in one step with its holder as its target, and creating it fails if it
 * exists: another process sees no lock or a complete one, never an empty file it could mistake for a dead owner.
 * (A short link target lives in the inode: the lock is taken even on a disk too full for a file's first block.)
 * A lock whose owner no longer runs on this machine is broken under a guard, so two processes cannot both break
 * it and then both hold it. A live owner fails with `storeLocked`. The returned function gives this share back.
 */
export function lockDataFolder(
  dir: string,
  fs: FileSystem = nodeFileSystem,
): Promise<Result<() => Promise<void>>> {
  const key = resolve(dir);
  return serial(async () => {
    const share = held.get(key);
    if (share) share.users++;
    else {
      const taken = await take(key, fs);
      if (!taken.ok) return taken;
      held.set(key, { holder: taken.value, users: 1 });
    }
    let released = false;
    return ok(() => {
      if (released) return Promise.resolve();
      released = true;
      return serial(() => release(key, fs));
    });
  });
}

async function release(key: string, fs: FileSystem): Promise<void> {
  const share = held.get(key);
  if (!share || --share.users > 0) return;
  held.delete(key);
  const path = join(key, LOCK_FILE);
  if ((await readHolder(fs, path))?.nonce === share.holder.nonce)
    await fs.unlink(path).catch(() => undefined);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function take(dir: string, fs: FileSystem): Promise<Result<Holder>> {
  const path = join(dir, LOCK_FILE);
  const holder: Holder = { pid: process.pid, host: hostname(), nonce: randomBytes(6).toString('hex') };
  const target = targetOf(holder);
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await linked(fs, target, path)) return ok(holder);
    const owner = await readHolder(fs, path);
    if (owner === undefined) continue; // released meanwhile
    if (owner !== null && isLive(owner)) return fail('storeLocked', { file: path, pid: owner.pid });
    if (owner === null && !(await olderThan(fs, path, 10_000)))
      return fail('storeLocked', { file: path, pid: 0 });
    // The owner is gone: break its lock, unless another process is breaking it right now.
    if (!(await breakLock(fs, path, target, owner))) await sleep(5 + Math.random() * 20);
  }
  return fail('storeLocked', { file: path, pid: 0 });
}

/** Removes a dead owner's lock while holding `<lock>.break`; false when another process holds the guard. */
async function breakLock(
  fs: FileSystem,
  path: string,
  target: string,
  dead: Holder | null,
): Promise<boolean> {
  const guard = `${path}.break`;
  if (!(await linked(fs, target, guard))) {
    // A breaker holds the guard for a few milliseconds; one that died holding it leaves it to be removed.
    const breaker = await readHolder(fs, guard);
    if (breaker !== undefined && (breaker === null || !isLive(breaker)) && (await olderThan(fs, guard, 1000)))
      await fs.unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    // Only the guard's holder removes a lock, and only the one it judged dead: nobody can have replaced it since.
    const now = await readHolder(fs, path);
    if (now !== undefined && now?.nonce === dead?.nonce) await fs.unlink(path).catch(() => undefined);
  } finally {
    await fs.unlink(guard).catch(() => undefined);
  }
  return true;
}

async function linked(fs: FileSystem, target: string, path: string): Promise<boolean> {
  try {
    await fs.symlink(target, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock's holder; null when the file is not one of ours, undefined when there is no lock. */
async function readHolder(fs: FileSystem, path: string): Promise<Holder | null | undefined> {
  try {
    return holderOf(await fs.readlink(path));
  } catch (error) {
    // EINVAL: a file that is not a link (not one of ours) stands there.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
}

const olderThan = (fs: FileSystem, path: string, ms: number) =>
  fs.lstat(path).then(
    (info) => Date.now() - info.mtimeMs > ms,
    () => false,
  );

/** Whether the holder may still be running. Another machine's process cannot be checked, so it counts as live. */
function isLive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  // Our own pid on a lock we do not hold: an earlier run that had the same pid (in a container, after a restart).
  if (holder.pid === process.pid)
    return [...held.values()].some((share) => share.holder.nonce === holder.nonce);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
