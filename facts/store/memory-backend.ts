import { ok } from '../result.ts';
import type { AuditEntry, Entity, Fact } from '../schema/index.ts';
import { createRepository } from './core.ts';
import type { FactRepository, StoreOptions } from './repository.ts';
import { seedState } from './seed.ts';
import { applyEntry } from './state.ts';

/**
 * A store that keeps everything in memory, journal included: for unit tests and throwaway consoles.
 * It runs the same validation and operations as the file store; an invalid initial dataset throws.
 */
export function openMemoryStore(
  initial: () => { facts: Fact[]; entities: Entity[] },
  options: StoreOptions,
): FactRepository {
  const seeded = seedState(initial(), (options.now?.() ?? new Date()).toISOString());
  if (!seeded.ok) throw new Error(`invalid initial dataset:\n${seeded.details?.join('\n')}`);
  const { state, entries } = seeded.value;
  const journal: AuditEntry[] = [...entries];
  for (const entry of entries) applyEntry(state, entry);
  const backend = {
    append: async (added: readonly AuditEntry[]) => {
      journal.push(...added);
      return ok(undefined);
    },
    history: (id: string) => journal.filter((entry) => entry.factId === id),
    capture: () => async () => ok(undefined),
    close: async () => undefined,
  };
  return createRepository(state, backend, options);
}
