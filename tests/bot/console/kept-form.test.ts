import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const FACT = 'bitfarms-q3-2025-net-loss';

function chat(lines: string[], dataDir: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['bot/briefing.mjs', 'chat', '--as', 'moderator', '--lang', 'en'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BRIEFING_DATA_DIR: dataDir, LANG: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', failed);
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('a refused form in the console', { timeout: 60_000 }, () => {
  it('keeps the typed fields: /press reopens the form with them, and only the wrong line needs fixing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kept-form-'));
    const typed = 'Bitfarms booked a net loss of {netLoss} in Q3 2025, up from {priorNetLoss} in Q3 2024.';
    const { out, err } = await chat(
      [
        `/facts edit id:${FACT}`,
        `text_en: ${typed}`,
        'values: netLoss = 46 millions de dollars @ 2025-Q3\\npriorNetLoss = 24 bananas @ 2024-Q3',
        '',
        '/press facts:reopen:1',
        'values: netLoss = 46 millions de dollars @ 2025-Q3\\npriorNetLoss = $24 million @ 2024-Q3',
        '',
        `/facts history id:${FACT}`,
      ],
      dir,
    );
    expect(out).toContain('bananas');
    expect(err).toContain('1 line failed');
    expect(out).toContain('/press facts:reopen:1');
    expect(out).toContain(`text.en: Bitfarms reported a net loss of {netLoss}`);
    expect(out).toContain(`→ ${typed}`);
  });
});
