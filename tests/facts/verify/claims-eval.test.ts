import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../bot/cli/main.ts';
import { fakeIo } from '../../support/cli-io.ts';
import { EVAL_PRESENT, readEval } from '../../support/shared-eval.ts';

interface Case {
  id: string;
  lang: 'fr' | 'en';
  text: string;
  expect: 'pass' | 'fail';
  kind: string;
}

interface Output {
  id: string;
  ok: boolean;
  numbers: Array<{ text: string; status: string; reason: string }>;
}

const EXTRA = resolve(import.meta.dirname, 'fixtures', 'claims-extra.jsonl');
const extra: Case[] = readFileSync(EXTRA, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Case);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefing-claims-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `briefing verify --jsonl` on the cases, as the judges' scorer does, and pairs each output with its case. */
async function verifyAll(cases: readonly Case[]): Promise<Array<{ c: Case; out: Output }>> {
  const io = fakeIo(
    cases.map((c) => `${JSON.stringify({ id: c.id, lang: c.lang, text: c.text })}\n`),
    { BRIEFING_DATA_DIR: dir, LANG: 'C' },
  );
  expect(await main(['verify', '--jsonl'], io)).toBe(0);
  const outputs = new Map(
    io.stdout
      .join('\n')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Output)
      .map((out) => [out.id, out]),
  );
  return cases.map((c) => ({ c, out: outputs.get(c.id)! }));
}

const summary = ({ out }: { out: Output }) => out?.numbers.map((n) => `${n.text}:${n.status}:${n.reason}`);

function judgesEveryCase(name: string, cases: () => Case[]) {
  it(`${name}: every case comes out as expected`, async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(30);
    const wrong = (await verifyAll(all)).filter(({ c, out }) => out?.ok !== (c.expect === 'pass'));
    expect(
      wrong.map((pair) => ({ id: pair.c.id, kind: pair.c.kind, text: pair.c.text, got: summary(pair) })),
    ).toEqual([]);
  });
}

describe('claims our own fixture holds (both languages, every kind)', () => {
  it('covers every kind in both languages, right texts and wrong ones', () => {
    const kinds = new Set(extra.map((c) => c.kind));
    for (const kind of [
      'swapped',
      'direction',
      'measure',
      'period',
      'attribution-far',
      'comparison',
      'derived',
    ])
      expect(kinds, kind).toContain(kind);
    expect(extra.filter((c) => c.lang === 'fr').length).toBeGreaterThan(60);
    expect(extra.filter((c) => c.expect === 'pass').length).toBeGreaterThan(60);
  });
  judgesEveryCase('claims-extra.jsonl', () => extra);
});

describe.runIf(EVAL_PRESENT)('the public evaluation files (../shared/eval)', () => {
  judgesEveryCase('claims-public.jsonl', () => readEval<Case>('claims-public.jsonl'));
  judgesEveryCase('verify-public.jsonl', () => readEval<Case>('verify-public.jsonl'));
});

describe.skipIf(EVAL_PRESENT)('without ../shared beside the clone', () => {
  it('skips the public evaluation files (they are not here)', () => {
    console.warn('claims-eval: ../shared/eval is missing, the public claim cases were skipped');
    expect(EVAL_PRESENT).toBe(false);
  });
});
