import type { Entity, Fact } from '../facts/schema/index.ts';

/** Generated store data for the store benchmark: independent of the seed, so every fact is distinct. */
const at = '2025-11-03T09:00:00.000Z';
const UNITS = ['USD', 'EUR', 'MW', 'percent', 'count'] as const;

/** A fact the size of a real one (one or two numbers, a sentence per language, a source with its link). */
export function generateFact(i: number): Fact {
  const entity = `company-${i % 100}`;
  const two = i % 3 === 0;
  const values = [
    {
      key: 'amount',
      kind: 'quantity' as const,
      value: 1.5e9 + i * 1000,
      unit: UNITS[i % UNITS.length]!,
      scale: 'billion' as const,
      decimals: 1,
      qualifier: 'about' as const,
      period: '2025-Q3',
    },
    ...(two
      ? [
          {
            key: 'share',
            kind: 'quantity' as const,
            value: i % 100,
            unit: 'percent' as const,
            scale: 'one' as const,
            decimals: 0,
            qualifier: 'exact' as const,
          },
        ]
      : []),
  ];
  return {
    id: `fact-${i}`,
    kind: 'figure',
    entities: [entity],
    values,
    text: {
      fr: `${entity} a annoncé {amount} au troisième trimestre${two ? ', soit {share} de son chiffre' : ''} (n° ${i}).`,
      en: `${entity} reported {amount} in the third quarter${two ? ', {share} of its revenue' : ''} (no. ${i}).`,
    },
    sources: [
      {
        title: 'Les géants de l’IA absorbent les mineurs de bitcoin',
        publisher: 'Le Journal',
        lang: 'fr',
        date: '2025-11-03',
        url: `https://example.com/articles/${i % 50}`,
        locator: `paragraph ${i % 12}`,
      },
    ],
    status: 'verified',
    version: 2,
    asOf: '2025-09-30',
    createdBy: 'alice',
    createdAt: at,
    updatedBy: 'alice',
    updatedAt: at,
    verifiedBy: 'bruno',
    verifiedAt: at,
  };
}

export const generateEntities = (): Entity[] =>
  Array.from({ length: 100 }, (_, i) => ({
    id: `company-${i}`,
    type: 'company',
    name: { fr: `Société ${i}`, en: `Company ${i}` },
    aliases: { fr: [`Soc ${i}`], en: [`Co ${i}`] },
  }));
