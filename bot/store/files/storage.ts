import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The calls of `node:fs/promises` the data files are written with. Every write goes through one, so a test can hand
 * in a file system that writes short or fails as a full disk does, and see what the store makes of it.
 */
export type FileSystem = Pick<
  typeof fsp,
  | 'open'
  | 'readFile'
  | 'rename'
  | 'rm'
  | 'truncate'
  | 'stat'
  | 'lstat'
  | 'mkdir'
  | 'symlink'
  | 'readlink'
  | 'unlink'
>;
export type FileHandle = fsp.FileHandle;

export const nodeFileSystem: FileSystem = fsp;

/** Errors that mean the disk would not hold what was written: the write is refused as `diskFull`, never acknowledged. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO']);

/** A write the disk refused; `reason` is the system's code (ENOSPC, EDQUOT, EIO…) or `short` for a write cut short. */
export class DiskFullError extends Error {
  readonly code = 'diskFull';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: the disk refused the write (${reason})`);
  }
}

/** The error as a `DiskFullError` when the disk refused the write, else undefined. */
export function diskFullOf(error: unknown, file: string): DiskFullError | undefined {
  if (error instanceof DiskFullError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code && DISK_FULL.has(code) ? new DiskFullError(file, code) : undefined;
}

/** Rethrows a disk refusal as `DiskFullError` naming the file; anything else as it came. */
export const rethrowDiskFull = (file: string) => (error: unknown) => {
  throw diskFullOf(error, file) ?? error;
};

/**
 * Writes every byte of `data` (at `position`, or at the end of a file opened to append), looping over short writes.
 * A write that makes no progress is a full disk: the system reports ENOSPC on the next call, or nothing at all.
 */
export async function writeAll(
  handle: FileHandle,
  file: string,
  data: Buffer,
  position?: number,
): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const at = position === undefined ? null : position + offset;
    const { bytesWritten } = await handle.write(data, offset, data.length - offset, at);
    if (!(bytesWritten > 0)) throw new DiskFullError(file, 'short');
    offset += bytesWritten;
  }
}

/** The text of a data file, or null when there is none yet. */
export async function readText(fs: FileSystem, path: string): Promise<string | null> {
  return fs.readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

/**
 * Replaces `path` atomically and durably: every piece written to a temp file beside it (checked byte for byte),
 * flushed, renamed over the old file, then the folder flushed. A reader sees the old file or the new one, whole;
 * a failed write leaves the old one and removes the temp file.
 */
export async function replaceFile(
  fs: FileSystem,
  path: string,
  pieces: string | Buffer | Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.tmp`);
  try {
    const handle = await fs.open(temporary, 'w');
    try {
      for await (const piece of typeof pieces === 'string' || Buffer.isBuffer(pieces) ? [pieces] : pieces)
        await writeAll(handle, path, Buffer.from(piece));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw diskFullOf(error, path) ?? error;
  }
  await flushFolder(fs, path);
}

/** Flushes the folder of `path`, so a rename or a new name in it survives a power cut. */
export async function flushFolder(fs: FileSystem, path: string): Promise<void> {
  const handle = await fs.open(dirname(path), 'r').catch(() => undefined);
  // Windows cannot open a folder to flush it; the rename is still atomic there.
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

/** One whole-file document of the data folder, read and replaced as a unit (what lowdb's adapters do, checked). */
export interface DataFile {
  readonly path: string;
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export const dataFile = (path: string, fs: FileSystem = nodeFileSystem): DataFile => ({
  path,
  read: () => readText(fs, path),
  write: (text) => replaceFile(fs, path, text),
});
