import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

export interface FileLockOptions {
  /** How long to keep trying before giving up (5 s). */
  timeoutMs?: number;
  /** A lock older than this was left by a crash and may be broken (30 s; holders keep it for milliseconds). */
  staleMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process of this machine still runs (a lock it holds is live). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(path: string, staleMs: number): Promise<boolean> {
  try {
    const [info, text] = await Promise.all([stat(path), readFile(path, 'utf8')]);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    const holder = JSON.parse(text) as { pid?: number; host?: string };
    return holder.host === hostname() && typeof holder.pid === 'number' && !processAlive(holder.pid);
  } catch {
    // Vanished (released meanwhile) or half-written by a holder that is writing it right now: retry.
    return false;
  }
}

/**
 * Runs `task` while holding `path` as an exclusive lock across processes of one machine: the lock file is created
 * with O_EXCL (`wx`), so only one process can hold it; it is removed afterwards, or broken once its holder is gone.
 */
export async function withFileLock<T>(
  path: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  const staleMs = options.staleMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(
          JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }),
        );
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(path, staleMs)) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`lock busy: ${path}`);
      await sleep(Math.min(50, 2 + attempt * 2));
    }
  }
  try {
    return await task();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
