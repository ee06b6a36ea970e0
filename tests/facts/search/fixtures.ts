import { type Entity, EntitySchema, type Fact } from '../../../facts/schema/index.ts';
import { facts } from './fixture-facts.ts';

export { facts } from './fixture-facts.ts';
export { makeFact } from './make-fact.ts';

const entity = (id: string, type: Entity['type'], fr: string, en: string, aliases: string[] = []): Entity =>
  EntitySchema.parse({ id, type, name: { fr, en }, aliases: { fr: aliases, en: aliases } });

/** A small registry modelled on the source article, plus one company no fact concerns (Google). */
export const entities: Entity[] = [
  entity('bitfarms', 'company', 'Bitfarms', 'Bitfarms'),
  entity('bitdeer', 'company', 'Bitdeer', 'Bitdeer'),
  entity('iren', 'company', 'IREN', 'IREN', ['Iris Energy']),
  entity('microsoft', 'company', 'Microsoft', 'Microsoft'),
  entity('bitfury', 'company', 'Bitfury', 'Bitfury'),
  entity('google', 'company', 'Google', 'Google'),
  entity('charles-hoskinson', 'person', 'Charles Hoskinson', 'Charles Hoskinson', ['Hoskinson']),
  entity('ben-gagnon', 'person', 'Ben Gagnon', 'Ben Gagnon', ['Gagnon']),
  entity('cardano', 'product', 'Cardano', 'Cardano'),
  EntitySchema.parse({
    id: 'genius-act',
    type: 'law',
    name: { fr: 'loi GENIUS', en: 'GENIUS Act' },
    aliases: { fr: ['GENIUS Act'], en: ['GENIUS law'] },
  }),
  EntitySchema.parse({
    id: 'federal-reserve',
    type: 'organization',
    name: { fr: 'Réserve fédérale', en: 'Federal Reserve' },
    aliases: { fr: ['Fed'], en: ['Fed'] },
  }),
  entity('bitcoin', 'product', 'Bitcoin', 'Bitcoin', ['BTC']),
  entity('us-spot-bitcoin-etfs', 'product', 'ETF spot Bitcoin américains', 'US spot Bitcoin ETFs'),
  entity('stablecoins', 'product', 'stablecoins', 'stablecoins'),
];

/** The fact of `facts` with that id (throws when a test names one that does not exist). */
export function factById(id: string): Fact {
  const fact = facts.find((candidate) => candidate.id === id);
  if (!fact) throw new Error(`no fixture fact ${id}`);
  return fact;
}
