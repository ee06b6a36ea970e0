import type { Entity } from '../../../facts/schema/index.ts';
import { type LocalFactRepository, type NewFact, openMemoryStore } from '../../../facts/store/index.ts';

const company = (id: string, name: string): Entity => ({
  id,
  type: 'company',
  name: { fr: name, en: name },
  aliases: { fr: [], en: [] },
});

/** Three companies the digest fixtures talk about. */
export const ENTITIES: Entity[] = [
  company('iren', 'IREN'),
  company('microsoft', 'Microsoft'),
  company('bitfarms', 'Bitfarms'),
];

const ENTITY_NAMES: Record<string, string> = { iren: 'IREN', microsoft: 'Microsoft', bitfarms: 'Bitfarms' };

/** A figure about one company: `<Name> reported {amount}.` with the amount in millions of dollars. */
export function newFigure(
  id: string,
  entity: string,
  millions: number,
  extra: Partial<NewFact> = {},
): NewFact {
  const name = ENTITY_NAMES[entity] ?? entity;
  return {
    id,
    kind: 'figure',
    entities: [entity],
    values: [{ key: 'amount', kind: 'quantity', value: millions * 1e6, unit: 'USD', scale: 'million' }],
    text: { fr: `${name} a déclaré {amount}.`, en: `${name} reported {amount}.` },
    sources: [
      { title: 'Quarterly report', publisher: 'The Ledger', lang: 'en', date: '2025-10-30', locator: '§1' },
    ],
    asOf: '2025-10-30',
    ...extra,
  };
}

/** An in-memory store whose clock the test sets, so each change lands at a chosen time. */
export function storeAt(start: string): { store: LocalFactRepository; at: (iso: string) => void } {
  let now = new Date(start);
  const store = openMemoryStore(() => ({ facts: [], entities: ENTITIES }), {
    fourEyes: false,
    now: () => now,
  });
  const at = (iso: string) => {
    now = new Date(iso);
  };
  return { store, at };
}

/** Adds a figure and verifies it; throws if the store refuses (a broken fixture, not a test result). */
export async function addVerified(store: LocalFactRepository, fact: NewFact): Promise<void> {
  const added = await store.add(fact, 'alice');
  if (!added.ok) throw new Error(`fixture refused: ${added.code} ${added.details?.join('; ') ?? ''}`);
  const verified = await store.verify(fact.id, added.value.version, 'bruno');
  if (!verified.ok) throw new Error(`fixture refused: ${verified.code}`);
}

/** Every fact and the whole audit trail of a store. */
export function snapshot(store: LocalFactRepository) {
  const facts = store.listFacts();
  return { facts, entities: store.listEntities(), history: facts.flatMap((fact) => store.history(fact.id)) };
}
