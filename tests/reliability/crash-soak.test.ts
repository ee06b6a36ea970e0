import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.ts';
import { openFactStore } from '../../bot/open-store.ts';
import { openStore } from '../../bot/store/index.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import { makeDataset } from '../facts/store/factory.ts';
import { SOAK } from './support/replies.ts';

const root = resolve(import.meta.dirname, '../..');
const FACT = 'iren-microsoft-deal-value';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crash-soak-'));
  dirs.push(dir);
  return dir;
};

/**
 * Runs a process that prints a line per acknowledged write, and SIGKILLs it a random moment (up to `windowMs`)
 * after its first acknowledgement. Resolves with the lines it printed in full.
 */
function runAndKill(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; windowMs: number },
) {
  return new Promise<string[]>((done, failed) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && /is now at version|is verified \(version|^(edit|import) /m.test(out)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * options.windowMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', failed);
    // The writer may have closed its input by the time it dies.
    child.stdin.on('error', () => undefined);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') failed(new Error(`writer stopped by itself:\n${out.slice(-2000)}\n${err}`));
      else done(out.split('\n').slice(0, -1));
    });
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
  });
}

/** A moderator's session: edit the fact through its form, verify it, edit it back, verify it again... */
function moderatorScript(cycles: number): string {
  const original = loadSeed().facts.find((fact) => fact.id === FACT)!.text.en;
  const lines: string[] = [];
  for (let i = 0; i < cycles; i++) {
    lines.push(`/facts edit id:${FACT}`, `text_en: ${i % 2 ? original : `${original} Checked.`}`, '');
    lines.push(`/facts verify id:${FACT}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a moderator console killed with SIGKILL in the middle of a stream of edits and verifications', () => {
  const rounds = SOAK ? 40 : 3;
  it(`leaves a store that opens with every acknowledged write (${rounds} kills)`, async () => {
    const dir = await tempDir();
    const env = { BRIEFING_DATA_DIR: dir, BRIEFING_FOUR_EYES: 'false' };
    const config = readConfig(env);
    if (!config.ok) throw new Error(config.problems.join('\n'));
    let acknowledged = 0;
    for (let round = 0; round < rounds; round++) {
      const lines = await runAndKill(['bot/briefing.mjs', 'chat', '--as', 'moderator', '--lang', 'en'], {
        env,
        stdin: moderatorScript(300),
        windowMs: 400,
      });
      const acked = lines.flatMap((line) => {
        const edit = /is now at version (\d+)/.exec(line);
        const verify = /is verified \(version (\d+)\)/.exec(line);
        if (edit) return [{ action: 'edit', version: Number(edit[1]) }];
        return verify ? [{ action: 'verify', version: Number(verify[1]) }] : [];
      });
      // The real composition opens it: the files, the parity and entity checks.
      const opened = await openFactStore(config.config);
      if (!opened.ok) throw new Error(`${opened.code}\n${opened.details?.join('\n')}`);
      const { store } = opened.value;
      const history = store.history(FACT);
      const fact = store.getFact(FACT)!;
      // Versions follow one another with no gap and no repeat, up to the fact as it now stands.
      expect(history.map((entry) => entry.after.version)).toEqual(history.map((_, i) => i + 1));
      expect(history.at(-1)!.after).toEqual(fact);
      for (const { action, version } of acked) {
        expect(history[version - 1], `acknowledged ${action} of version ${version}`).toMatchObject({
          action,
          after: { version },
        });
      }
      acknowledged += acked.length;
      await store.close();
    }
    expect(acknowledged).toBeGreaterThanOrEqual(rounds);
  }, 300_000);
});

describe.skipIf(!SOAK)('the store’s own crash writer, killed many more times (BRIEFING_SOAK=1)', () => {
  it('leaves a store that opens and holds every acknowledged write (200 kills)', async () => {
    const dir = await tempDir();
    const script = resolve(root, 'tests/bot/store/fixtures/write-stream.ts');
    for (let round = 0; round < 200; round++) {
      const lines = await runAndKill(['--import', 'tsx', script, dir], { windowMs: 120 });
      const opened = await openStore(dir, () => makeDataset(2), { fourEyes: false });
      if (!opened.ok) throw new Error(`${opened.code}\n${opened.details?.join('\n')}`);
      const { store } = opened.value;
      const versions = new Set(store.history('seed-fact-1').map((entry) => entry.after.version));
      for (const line of lines) {
        if (line.startsWith('edit ')) expect(versions.has(Number(line.slice(5)))).toBe(true);
        else expect(store.getFact(`batch-${line.slice(7)}-c`)).toBeDefined();
      }
      const parts = new Map<string, number>();
      for (const { id } of store.listFacts()) {
        const batch = /^batch-(.+)-[abc]$/.exec(id)?.[1];
        if (batch) parts.set(batch, (parts.get(batch) ?? 0) + 1);
      }
      expect([...parts.values()].every((count) => count === 3)).toBe(true);
      await store.close();
    }
  }, 900_000);
});
