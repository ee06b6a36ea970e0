import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../support/fake-discord.ts';

const entry = resolve(import.meta.dirname, '..', '..', '..', 'bot', 'briefing.mjs');

interface BotProcess {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
  waitForOut(text: string, timeoutMs?: number): Promise<void>;
}

// Process start-up (tsx, discord.js, the store) takes about a second on a quiet machine; the timeouts leave room
// for a loaded one.

/** `briefing bot` in its own process (real signals, real exit), pointed at the fake Discord. */
function startBotProcess(fake: FakeDiscord, dataDir: string): BotProcess {
  const child = spawn(process.execPath, [entry, 'bot'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C',
      BRIEFING_DATA_DIR: dataDir,
      BRIEFING_LOG_LEVEL: 'info',
      DISCORD_TOKEN: 'fake-token-123',
      DISCORD_API_BASE: fake.apiBase,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    out: () => out,
    err: () => err,
    exited,
    async waitForOut(text, timeoutMs = 50_000) {
      const started = Date.now();
      while (!out.includes(text)) {
        if (child.exitCode !== null || Date.now() - started > timeoutMs)
          throw new Error(`no “${text}” in:\n${out}\n${err}`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 20));
      }
    },
  };
}

let fake: FakeDiscord;
let dataDir: string;
let bot: BotProcess | undefined;
beforeEach(async () => {
  fake = await startFakeDiscord();
  dataDir = await mkdtemp(join(tmpdir(), 'bot-process-'));
});
afterEach(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await bot?.exited;
  bot = undefined;
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('briefing bot as a process', () => {
  it('logs in, survives a malformed interaction, answers, and stops cleanly on SIGTERM', async () => {
    bot = startBotProcess(fake, dataDir);
    await bot.waitForOut('Connected as');
    const malformed = fake.chatInput({ name: 'sources' }) as unknown as Record<string, unknown>;
    delete malformed.entitlements;
    fake.dispatch('INTERACTION_CREATE', malformed);
    const reply = await fake.interactAndWait(fake.chatInput({ name: 'sources' }), 10_000);
    expect((reply.body as { type: number }).type).toBe(4);
    expect(bot.err()).toContain('process.unhandledRejection');
    expect(bot.err()).not.toContain('fake-token-123');
    const started = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(bot.out()).toContain('Stopped.');
    expect(bot.err()).toContain('"event":"bot.stopped"');
  }, 60_000);

  it('exits with 1 and says why when Discord refuses the token', async () => {
    fake.failNext(
      { method: 'GET', path: '/gateway/bot' },
      { status: 401, code: 0, message: '401: Unauthorized' },
    );
    bot = startBotProcess(fake, dataDir);
    expect(await bot.exited).toBe(1);
    expect(bot.err()).toContain('Could not connect to Discord');
  }, 60_000);
});
