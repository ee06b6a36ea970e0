import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../bot/store/index.ts';
import { makeDataset, makeTempDir } from '../../facts/store/factory.ts';

const script = fileURLToPath(new URL('./fixtures/write-stream.ts', import.meta.url));
const ROUNDS = 10;

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await makeTempDir()));
afterAll(() => remove());

/** Runs the writer and kills it with SIGKILL a random moment after its first acknowledged write. */
function runAndKill(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (!out) setTimeout(() => child.kill('SIGKILL'), Math.random() * 120);
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself: ${err}`));
      // Only whole lines were acknowledged.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('a writer killed in the middle of a stream of writes', () => {
  it(`leaves a store that opens and holds every acknowledged write (${ROUNDS} kills)`, async () => {
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const lines = await runAndKill();
      const opened = await openStore(dir, () => makeDataset(2), { fourEyes: false });
      if (!opened.ok) throw new Error(`${opened.code}\n${opened.details?.join('\n')}`);
      const { store } = opened.value;
      const edits = lines.filter((line) => line.startsWith('edit ')).map((line) => Number(line.slice(5)));
      const fact = store.getFact('seed-fact-1')!;
      if (edits.length) expect(fact.version).toBeGreaterThanOrEqual(Math.max(...edits));
      const versions = new Set(store.history('seed-fact-1').map((entry) => entry.after.version));
      for (const version of edits) expect(versions.has(version)).toBe(true);
      for (const line of lines.filter((l) => l.startsWith('import '))) {
        expect(store.getFact(`batch-${line.slice(7)}-c`)).toBeDefined();
      }
      // An import lands whole or not at all, even when the kill came in the middle of it.
      const parts = new Map<string, number>();
      for (const { id } of store.listFacts()) {
        const batch = /^batch-(.+)-[abc]$/.exec(id)?.[1];
        if (batch) parts.set(batch, (parts.get(batch) ?? 0) + 1);
      }
      expect([...parts.values()].every((count) => count === 3)).toBe(true);
      acknowledged += lines.length;
      await store.close();
    }
    expect(acknowledged).toBeGreaterThan(ROUNDS);
  }, 120_000);
});
