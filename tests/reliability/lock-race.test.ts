import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, storeFiles } from '../../bot/store/index.ts';
import { makeDataset } from '../facts/store/factory.ts';
import { SOAK } from './support/replies.ts';

const WORKERS = 4;
const ROUNDS = SOAK ? 200 : 50;
const worker = join(import.meta.dirname, 'support', 'lock-worker.ts');

interface Worker {
  child: ChildProcess;
  lines: Interface;
  next(): Promise<string>;
}

function startWorker(): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', worker], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()!(line) : queue.push(line)));
  return {
    child,
    lines,
    next: () => new Promise((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve))),
  };
}

let workers: Worker[];
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lock-race-'));
  workers = Array.from({ length: WORKERS }, startWorker);
  expect(await Promise.all(workers.map((w) => w.next()))).toEqual(Array(WORKERS).fill('ready'));
}, 60_000);
afterAll(async () => {
  for (const w of workers ?? []) w.child.kill();
  await rm(root, { recursive: true, force: true });
});

describe(`${WORKERS} real processes opening one data folder at the same moment, ${ROUNDS} times`, () => {
  it('gives the folder to exactly one of them; the others are refused, and the journal has one writer', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(root, `round-${round}`);
      // Every third round starts from a lock left by a process that no longer runs, which must be taken over once.
      if (round % 3 === 2) {
        await mkdir(dir, { recursive: true });
        await symlink(`999999999@${hostname()}#dead${round}`, storeFiles(dir).lock);
      }
      // One write per process, all in the same tick: they race from the moment their pipes deliver the line.
      for (const [i, w] of workers.entries()) w.child.stdin!.write(`open ${dir} w${i}\n`);
      const outcomes = await Promise.all(workers.map((w) => w.next()));
      expect(
        outcomes.filter((o) => o === 'won'),
        `round ${round}: ${outcomes}`,
      ).toHaveLength(1);
      expect(outcomes.filter((o) => o !== 'won')).toEqual(Array(WORKERS - 1).fill('storeLocked'));
      const winner = outcomes.indexOf('won');
      workers[winner]!.child.stdin!.write('close\n');
      expect(await workers[winner]!.next()).toBe('closed');

      const journal = await readFile(storeFiles(dir).log, 'utf8');
      const writers = journal.match(/"factId":"written-by-w\d"/g) ?? [];
      expect(writers, `round ${round}: one writer's entry`).toEqual([`"factId":"written-by-w${winner}"`]);
      const reopened = await openStore(dir, () => makeDataset(2), { fourEyes: false });
      expect(reopened.ok, `round ${round}: the store opens`).toBe(true);
      if (reopened.ok) await reopened.value.store.close();
    }
  }, 240_000);
});
