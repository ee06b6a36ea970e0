import { Readable } from 'node:stream';
import type { CliIo } from '../../bot/cli/io.ts';

/** A terminal stand-in: stdin from the given chunks, stdout and stderr captured, its own environment. */
export function fakeIo(
  input: string[] = [],
  env: NodeJS.ProcessEnv = {},
): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdin: Readable.from(input),
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    env,
    stdout,
    stderr,
  };
}

/** The JSON lines a command wrote. */
export const jsonLines = (io: { stdout: string[] }) =>
  io.stdout
    .join('\n')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
