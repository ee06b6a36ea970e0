import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReplyFile, Translate } from '../../commands/index.ts';

let sequence = 0;

/**
 * A terminal cannot show a picture: each attached file (a `/chart` PNG) is written to `dir` (a temp folder by
 * default), and the console prints its path and its alt text.
 */
export async function writeReplyFiles(
  files: readonly ReplyFile[],
  t: Translate,
  dir = join(tmpdir(), 'briefing-console'),
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const lines: string[] = [];
  for (const file of files) {
    const path = join(dir, `${process.pid}-${++sequence}-${file.name}`);
    await writeFile(path, file.data);
    lines.push(t('console:fileWritten', { file: path, alt: file.description }));
  }
  return lines;
}
