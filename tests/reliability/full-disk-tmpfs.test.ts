import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entry = resolve(import.meta.dirname, '..', '..', 'bot', 'briefing.mjs');
let mountPoint: string;
let mounted = false;

beforeAll(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), 'full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    mounted = true;
  } catch {
    console.warn('full-disk-tmpfs: mounting a tmpfs was refused (not root?); the real-disk test is skipped');
  }
});
afterAll(async () => {
  if (mounted) execFileSync('umount', [mountPoint]);
  await rm(mountPoint, { recursive: true, force: true });
});

/** The real CLI on the small disk; resolves with its exit code and output, never rejects. */
const briefing = (...args: string[]) =>
  promisify(execFile)(process.execPath, [entry, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C',
      BRIEFING_DATA_DIR: join(mountPoint, 'data'),
    },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

/** Fills what is left of the disk with a file, which can be removed to make room again. */
async function fillDisk(): Promise<string> {
  const filler = join(mountPoint, 'filler');
  const block = Buffer.alloc(4096);
  const { open } = await import('node:fs/promises');
  const handle = await open(filler, 'w');
  try {
    for (;;) await handle.write(block);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    await handle.close();
  }
  return filler;
}

describe.skipIf(process.platform !== 'linux')('the CLI on a real disk that is full (a 600 kB tmpfs)', () => {
  it('refuses an import with a clear diskFull message, still reads, then imports once there is room', async (context) => {
    if (!mounted) context.skip();
    expect((await briefing('facts', 'list')).code).toBe(0); // the first run writes the seed
    const exported = JSON.parse((await briefing('facts', 'export')).stdout) as { facts: { asOf: string }[] };
    for (const fact of exported.facts) fact.asOf = '2025-12-01';
    const changed = join(tmpdir(), `changed-${process.pid}.json`);
    await writeFile(changed, JSON.stringify(exported));
    const journal = await readFile(join(mountPoint, 'data', 'audit.jsonl'));

    const filler = await fillDisk();
    const refused = await briefing('facts', 'import', changed, '--actor', 'ops');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The disk refused to save .* \(ENOSPC\)/);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await readFile(join(mountPoint, 'data', 'audit.jsonl'))).toEqual(journal);
    const listed = await briefing('facts', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe('');

    await rm(filler);
    const imported = await briefing('facts', 'import', changed, '--actor', 'ops');
    expect(imported.stdout).toMatch(/updated/);
    expect((await briefing('facts', 'list')).code).toBe(0);
    await rm(changed, { force: true });
  }, 120_000);
});
