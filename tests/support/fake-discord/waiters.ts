interface Waiter<T> {
  accepts: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Promises for "the first item that satisfies a predicate", among items already seen or still to come. */
export class Waiters<T> {
  readonly #waiters = new Set<Waiter<T>>();
  readonly #seen: readonly T[];
  readonly #describe: string;

  /** `seen` is the live list of past items; `describe` names them in timeout errors. */
  constructor(seen: readonly T[], describe: string) {
    this.#seen = seen;
    this.#describe = describe;
  }

  /** Resolves with the first matching item (past ones included), or rejects after `timeoutMs`. */
  wait(accepts: (item: T) => boolean, timeoutMs: number): Promise<T> {
    const past = this.#seen.find(accepts);
    if (past !== undefined) return Promise.resolve(past);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        accepts,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(new Error(`fake: no matching ${this.#describe} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Hands a new item to every waiter it satisfies. */
  notify(item: T): void {
    for (const waiter of this.#waiters) {
      if (!waiter.accepts(item)) continue;
      clearTimeout(waiter.timer);
      this.#waiters.delete(waiter);
      waiter.resolve(item);
    }
  }

  /** Rejects every pending waiter (the fake is closing). */
  cancelAll(reason: string): void {
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
    }
    this.#waiters.clear();
  }
}
