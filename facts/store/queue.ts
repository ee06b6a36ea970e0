/** Runs tasks one at a time in call order, so every write sees the state the previous one left. */
export function createSerialQueue(): <T>(task: () => Promise<T> | T) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T> | T): Promise<T> => {
    const run = tail.then(task);
    // A failed task must not stall the ones queued after it.
    tail = run.catch(() => undefined);
    return run;
  };
}
