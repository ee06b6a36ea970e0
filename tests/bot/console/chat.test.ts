import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeed } from '../../../facts/seed/index.ts';

const root = resolve(import.meta.dirname, '../../..');
const FACT = 'iren-microsoft-deal-value';

/** `briefing chat` as a user runs it. */
const BRIEFING = ['bot/briefing.mjs', 'chat'];

/** Runs `briefing chat` as a user would, with lines piped on stdin. */
function chat(
  args: string[],
  lines: string[],
  dataDir: string,
  entry: string[] = BRIEFING,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [...entry, ...args], {
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

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chat-'));
  dirs.push(dir);
  return dir;
};

describe('briefing chat, scripted through piped input', { timeout: 60_000 }, () => {
  it('answers, shows a fact, and lands a moderator’s edit through the form, in French', async () => {
    const dir = await tempDir();
    const seeded = loadSeed().facts.find((fact) => fact.id === FACT)!;
    const { code, out, err } = await chat(
      ['--as', 'moderator', '--lang', 'fr'],
      [
        '/ask question: Combien vaut le contrat entre IREN et Microsoft ?',
        `/fact ${FACT}`,
        `/facts edit id:${FACT}`,
        `text_en: ${seeded.text.en} (checked)`,
        '',
        `/facts history id: ${FACT}`,
      ],
      dir,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/9,7\s?milliard/);
    expect(out).toContain(`\`${FACT}\` passe à la version 2`);
    expect(out).not.toMatch(/^> /m);
    const stored = JSON.parse(await readFile(join(dir, 'facts.json'), 'utf8'));
    const facts = (stored.facts ?? stored) as { id: string; version: number; text: { en: string } }[];
    expect(facts.find((fact) => fact.id === FACT)).toMatchObject({
      version: 2,
      text: { en: expect.stringContaining('(checked)') },
    });
  });

  it('refuses a member’s edit in English and exits with 1', async () => {
    const dir = await tempDir();
    const { code, out, err } = await chat(
      ['--as', 'member', '--lang', 'en'],
      [`/facts edit id:${FACT}`, '/sources'],
      dir,
    );
    expect(code).toBe(1);
    expect(out).toContain('(only you can see this)');
    expect(out).toMatch(/moderator/i);
    expect(err).toMatch(/1 line failed/);
  });

  it('writes channels, roles and emphasis as plain text, not Discord markup', async () => {
    const dir = await tempDir();
    const { code, out } = await chat(
      ['--as', 'moderator', '--lang', 'en'],
      [
        '/settings digest_channel:<#666666666666666666> moderator_role:<@&777777777777777777>',
        `/facts history id: ${FACT}`,
      ],
      dir,
    );
    expect(code).toBe(0);
    expect(out).toContain('Channel: #666666666666666666');
    expect(out).toContain('Moderator role: @777777777777777777');
    expect(out).toMatch(/^#\d+ · /m);
    expect(out).not.toMatch(/<[#@]|\*\*|⟦/);
  });

  it('refuses an unknown role flag with a usage error', async () => {
    const dir = await tempDir();
    const { code, err } = await chat(['--as', 'admin'], [], dir);
    expect(code).toBe(2);
    expect(err).toContain('--as member');
  });

  it('runs with no subcommand when no token is set (what npm start does)', async () => {
    const dir = await tempDir();
    const { code, out } = await chat([], [`/fact ${FACT}`], dir, ['bot/briefing.mjs']);
    expect(code).toBe(0);
    expect(out).toMatch(/9\.7\s?billion/);
  });
});
