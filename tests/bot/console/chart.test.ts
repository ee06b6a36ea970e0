import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `briefing chat` with lines piped on stdin, its temp folder (where files land) inside `dir`. */
function chat(lines: string[], lang: 'fr' | 'en'): Promise<{ code: number | null; out: string }> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['bot/briefing.mjs', 'chat', '--lang', lang], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BRIEFING_DATA_DIR: dir, TMPDIR: dir, LANG: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', failed);
    child.on('close', (code) => done({ code, out }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('/chart in the console', () => {
  it('writes the PNG and prints its path and the alt text', async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-chart-'));
    const { code, out } = await chat(['/chart query:"stablecoin market"'], 'en');
    expect(code).toBe(0);
    const path = out.match(/^File written: (.+\.png)$/m)?.[1];
    expect(path?.startsWith(dir)).toBe(true);
    expect((await readFile(path!)).subarray(1, 4).toString()).toBe('PNG');
    expect(out).toMatch(/^Alt text: Bar chart\. Market size, stablecoins.*January 2025: \$205 billion/m);
  });
});
