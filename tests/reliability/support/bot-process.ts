import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The program's own entry: `briefing bot` runs with the real composition of services. */
const entry = resolve(import.meta.dirname, '..', '..', '..', 'bot', 'briefing.mjs');

export interface BotProcess {
  child: ChildProcess;
  /** Everything written on stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Kills the process if it still runs, and waits for it. */
  stop(): Promise<void>;
}

/** Starts `briefing bot` as its own process, with exactly this environment (plus PATH and HOME). */
export function startBotProcess(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, [entry, 'bot'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    output: () => output,
    exited,
    async waitForOutput(text, timeoutMs = 30_000) {
      const started = Date.now();
      while (!output.includes(text)) {
        if (child.exitCode !== null || Date.now() - started > timeoutMs)
          throw new Error(`no “${text}” in:\n${output}`);
        await new Promise((wait) => setTimeout(wait, 20));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
