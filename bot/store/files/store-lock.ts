import { open, readFile, rm } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../facts/result.ts';

/** Folders this process has open: a second store on the same files would interleave its journal with the first. */
const held = new Set<string>();

/**
 * Takes the store's lock file, holding this process id. A lock left by a process that no longer runs (killed,
 * crashed, or an earlier run that had the same id in a container) is taken over; a live one fails with `storeLocked`.
 */
export async function lockStore(path: string): Promise<Result<() => Promise<void>>> {
  if (held.has(path)) return fail('storeLocked', { file: path, pid: process.pid });
  for (let attempt = 0; attempt < 2; attempt++) {
    const handle = await open(path, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return undefined;
      throw error;
    });
    if (handle) {
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      held.add(path);
      let released = false;
      return ok(async () => {
        if (released) return;
        released = true;
        held.delete(path);
        await rm(path, { force: true });
      });
    }
    const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (pid !== process.pid && isRunning(pid)) return fail('storeLocked', { file: path, pid });
    await rm(path, { force: true });
  }
  return fail('storeLocked', { file: path, pid: 0 });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
