import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** `briefing chat --lang fr` with the lines piped on stdin, as a user scripts it. */
async function chat(lines: string[]): Promise<{ code: number | null; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'chat-follow-'));
  try {
    return await new Promise((done, failed) => {
      const child = spawn(process.execPath, ['bot/briefing.mjs', 'chat', '--lang', 'fr'], {
        cwd: root,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, BRIEFING_DATA_DIR: dir, LANG: 'C' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('error', failed);
      child.on('close', (code) => done({ code, out }));
      child.stdin.end(`${lines.join('\n')}\n`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('a follow-up in the console', { timeout: 60_000 }, () => {
  it('reuses the subject of the previous question, and only while it is on topic', async () => {
    const { code, out } = await chat([
      '/ask question: Comment a réagi l’action Bitdeer après l’incendie ?',
      '/ask question: et sa perte nette ?',
      '/ask question: quelle est la hauteur de la tour Eiffel ?',
    ]);
    expect(code).toBe(0);
    // Asked alone, "et sa perte nette ?" would list Bitfarms' 46 millions too.
    expect(out).toMatch(/perte nette de 266,7\s?millions/u);
    expect(out).not.toMatch(/perte nette de 46\s?millions/u);
    expect(out).toMatch(/Je n’ai aucun fait vérifié/u);
  });
});
