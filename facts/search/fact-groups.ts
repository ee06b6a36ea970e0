const NONE: ReadonlySet<never> = new Set();

/** Indexed facts grouped by key (the entities they concern, the concepts they carry), kept as facts come and go. */
export class FactGroups<F> {
  readonly #groups = new Map<string, Set<F>>();

  /** Puts a fact in the group of each key. */
  add(keys: readonly string[], fact: F): void {
    for (const key of keys) {
      const group = this.#groups.get(key);
      if (group) group.add(fact);
      else this.#groups.set(key, new Set([fact]));
    }
  }

  /** Takes a fact out of the group of each key; a group left empty goes. */
  delete(keys: readonly string[], fact: F): void {
    for (const key of keys) {
      const group = this.#groups.get(key);
      if (!group) continue;
      group.delete(fact);
      if (group.size === 0) this.#groups.delete(key);
    }
  }

  /** The facts in a key's group (none when no fact has that key). */
  get(key: string): ReadonlySet<F> {
    return this.#groups.get(key) ?? NONE;
  }
}
