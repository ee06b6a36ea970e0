import { createInterface, type Interface } from 'node:readline';

/** Where console lines come from: a terminal with a prompt and completion, or piped text. */
export interface LineSource {
  /** The next line, or undefined at the end of input (Ctrl+D, EOF). */
  next(prompt: string): Promise<string | undefined>;
  /** Puts a line back so the next `next` returns it (a modal stops at the next command). */
  unread(line: string): void;
  close(): void;
}

export type Completer = (line: string) => Promise<[string[], string]>;

/** Lines of piped input: no prompt, no echo, one line at a time until EOF. */
export function pipedLines(input: NodeJS.ReadableStream): LineSource {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  const iterator = rl[Symbol.asyncIterator]();
  const pending: string[] = [];
  return {
    next: async () => {
      if (pending.length > 0) return pending.shift();
      const item = await iterator.next();
      return item.done ? undefined : item.value;
    },
    unread: (line) => pending.unshift(line),
    close: () => rl.close(),
  };
}

/** Lines typed at a terminal: a prompt, history, and tab completion. */
export function terminalLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  completer: Completer,
): LineSource {
  const rl: Interface = createInterface({
    input,
    output,
    terminal: true,
    historySize: 200,
    completer: (line: string, done: (error: Error | null, result: [string[], string]) => void) => {
      completer(line).then(
        (result) => done(null, result),
        () => done(null, [[], line]),
      );
    },
  });
  // Ctrl+C clears a typed line, or leaves on an empty one (as Ctrl+D does).
  rl.on('SIGINT', () => {
    if (rl.line) rl.write(null, { ctrl: true, name: 'u' });
    else rl.close();
  });
  let closed = false;
  const waiting = new Set<(line: string | undefined) => void>();
  rl.on('close', () => {
    closed = true;
    for (const resolve of waiting) resolve(undefined);
    waiting.clear();
  });
  const pending: string[] = [];
  return {
    next: (prompt) => {
      if (pending.length > 0) return Promise.resolve(pending.shift());
      if (closed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        waiting.add(resolve);
        rl.question(prompt, (line) => {
          waiting.delete(resolve);
          resolve(line);
        });
      });
    },
    unread: (line) => pending.unshift(line),
    close: () => rl.close(),
  };
}
