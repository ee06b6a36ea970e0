import * as fsp from 'node:fs/promises';
import type { FileSystem } from '../../../bot/store/files/storage.ts';

/**
 * The real file system with a disk that holds only `room` more bytes: a write past it is cut short (it writes
 * what fits and says so), the next one fails with ENOSPC, as a full disk does. `room` can be changed at any time.
 */
export function fullDisk(room: number): FileSystem & { room: number; refused: number } {
  const disk = {
    ...fsp,
    room,
    refused: 0,
    open: async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      const write = handle.write.bind(handle) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
      (handle as { write: unknown }).write = async (
        data: Buffer,
        offset = 0,
        length = data.length - offset,
        position = null,
      ) => {
        if (disk.room <= 0) {
          disk.refused++;
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        const fits = Math.min(length, disk.room);
        disk.room -= fits;
        return write(data, offset, fits, position);
      };
      return handle;
    },
  };
  return disk as FileSystem & { room: number; refused: number };
}
