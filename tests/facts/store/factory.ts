import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity, Fact } from '../../../facts/schema/index.ts';
import type { NewFact } from '../../../facts/store/index.ts';

/** A company entity with both names. */
export const makeEntity = (id: string): Entity => ({
  id,
  type: 'company',
  name: { fr: `Société ${id}`, en: `Company ${id}` },
  aliases: { fr: [], en: [] },
});

/** The content of a small, valid figure about `entity`, with one number and its source. */
export const makeNewFact = (id: string, entity = 'iren', amount = 9.7e9): NewFact => ({
  id,
  kind: 'figure',
  entities: [entity],
  values: [
    {
      key: 'amount',
      kind: 'quantity',
      measure: 'dealValue',
      value: amount,
      unit: 'USD',
      scale: 'billion',
      decimals: 1,
    },
  ],
  text: { fr: `${entity} a signé un contrat de {amount}.`, en: `${entity} signed a {amount} contract.` },
  sources: [
    {
      title: 'Les IA rachètent les mineurs',
      publisher: 'Le Journal',
      lang: 'fr',
      date: '2025-11-03',
      locator: '§2',
    },
  ],
  asOf: '2025-11-03',
});

/** A stored fact, verified by someone other than its author unless overridden. */
export const makeFact = (id: string, overrides: Partial<Fact> = {}, entity = 'iren'): Fact => ({
  ...(makeNewFact(id, entity) as Omit<
    Fact,
    'status' | 'version' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'
  >),
  values: [
    {
      key: 'amount',
      kind: 'quantity',
      measure: 'dealValue',
      value: 9.7e9,
      unit: 'USD',
      scale: 'billion',
      decimals: 1,
      qualifier: 'exact',
    },
  ],
  status: 'verified',
  version: 2,
  createdBy: 'alice',
  createdAt: '2025-11-03T09:00:00.000Z',
  updatedBy: 'alice',
  updatedAt: '2025-11-03T09:00:00.000Z',
  verifiedBy: 'bruno',
  verifiedAt: '2025-11-03T10:00:00.000Z',
  ...overrides,
});

/** `count` verified facts about two entities: a small seed. */
export const makeDataset = (count = 3): { facts: Fact[]; entities: Entity[] } => ({
  entities: [makeEntity('iren'), makeEntity('microsoft')],
  facts: Array.from({ length: count }, (_, i) =>
    makeFact(`seed-fact-${i + 1}`, {}, i % 2 ? 'microsoft' : 'iren'),
  ),
});

/** A fresh folder under the system temp dir, and a way to remove it. */
export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'facts-store-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A clock that moves one second per reading, so every change has its own time. */
export const steppingClock = (start = Date.parse('2025-11-04T08:00:00Z')) => {
  let tick = 0;
  return () => new Date(start + 1000 * tick++);
};
