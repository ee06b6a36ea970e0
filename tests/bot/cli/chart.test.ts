import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../bot/cli/main.ts';
import { fakeIo } from '../../support/cli-io.ts';

let env: NodeJS.ProcessEnv;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefing-chart-'));
  env = { BRIEFING_DATA_DIR: dir, LANG: 'C' };
});

describe('briefing chart', () => {
  it('writes the PNG and prints, with --json, its file, alt text, facts, checked numbers and verdict', async () => {
    const io = fakeIo([], env);
    const out = join(dir, 'loss.png');
    const code = await main(['chart', 'bitfarms perte nette', '--lang', 'fr', '--out', out, '--json'], io);
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout.join('\n'));
    expect(Object.keys(report)).toEqual(['file', 'alt', 'facts', 'numbers', 'verified']);
    expect(report).toMatchObject({ file: out, facts: ['bitfarms-q3-2025-net-loss'], verified: true });
    expect(report.alt).toMatch(/^Diagramme en barres\./);
    expect(report.numbers.every((n: { status: string }) => n.status === 'verified')).toBe(true);
    expect((await readFile(out)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('prints the path and the alt text without --json', async () => {
    const io = fakeIo([], env);
    const out = join(dir, 'shares.png');
    expect(await main(['chart', 'share price change', '--lang', 'en', '--out', out], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe(`${out}\n${io.stdout.join('\n').split('\n')[1]}`);
    expect(io.stdout.join('\n')).toMatch(/\nBar chart\. Share price change, company by company\./);
  });

  it('refuses in the asked language when nothing can be drawn, and writes no file', async () => {
    const io = fakeIo([], env);
    const out = join(dir, 'none.png');
    expect(await main(['chart', 'bitfarms-bitcoin-holdings', '--lang', 'fr', '--out', out], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('Aucun chiffre vérifié à dessiner');
    await expect(readFile(out)).rejects.toThrow();
  });

  it('says how to call it when --out is missing', async () => {
    const io = fakeIo([], env);
    expect(await main(['chart', 'bitfarms', '--lang', 'en'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('briefing chart "<query>"');
  });
});
