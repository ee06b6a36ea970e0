import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../bot/cli/digest.ts';
import type { CliIo } from '../../../bot/cli/io.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digest-cli-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function digest(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdin: new PassThrough(),
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    env: { BRIEFING_DATA_DIR: dir, BRIEFING_LOG_LEVEL: 'warn' },
  };
  const code = await run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('briefing digest', () => {
  it('prints the digest as JSON: lang, text, length, bullets, facts, verified and the numbers in the text', async () => {
    const result = await digest(['--lang', 'en', '--json', '--since', '2000-01-01']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(Object.keys(json)).toEqual(['lang', 'text', 'length', 'bullets', 'facts', 'verified', 'numbers']);
    expect(json.lang).toBe('en');
    // The seed's 57 facts are all news since 2000: five listed, the rest counted, within one short message.
    expect(json.bullets).toBe(5);
    expect(json.length).toBeGreaterThan(json.text.length - 100);
    expect(json.length).toBeLessThanOrEqual(1500);
    expect(json.text).toContain('+ 52 more changes');
    expect(json.facts.length).toBeGreaterThan(0);
    expect(json.verified).toBe(true);
    expect(json.numbers.length).toBeGreaterThan(0);
    for (const number of json.numbers) expect(json.text.slice(number.start, number.end)).toBe(number.text);
  });

  it('prints the French digest as plain text', async () => {
    const result = await digest(['--lang', 'fr']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Le point du jour');
    expect(result.out).toContain('/ask');
  });

  it('keeps a quiet day short: three key figures when nothing changed since the given date', async () => {
    const result = await digest(['--lang', 'en', '--since', '2999-01-01', '--json']);
    const json = JSON.parse(result.out);
    expect(json.text).toContain('Nothing new since the last briefing');
    expect(json.text).not.toContain('Since the last briefing');
    expect(json.bullets).toBe(3);
    expect(json.length).toBeLessThan(1000);
  });

  it('refuses a --since that is not a date', async () => {
    const result = await digest(['--lang', 'en', '--since', 'yesterday']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).not.toBe('');
  });
});
