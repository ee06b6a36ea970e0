import { describe, expect, it } from 'vitest';
import { EntitySchema } from '../../../facts/schema/index.ts';
import { findEntitiesIn } from '../../../facts/search/entity-matching.ts';
import { entities } from './fixtures.ts';

const idsIn = (text: string) => findEntitiesIn(text, entities).map((mention) => mention.entityId);

describe('finding the entities a text names', () => {
  it('matches names and aliases of both languages, ignoring case and accents', () => {
    expect(idsIn('La Reserve federale a baissé ses taux')).toEqual(['federal-reserve']);
    expect(idsIn('What did the Fed do?')).toEqual(['federal-reserve']);
    expect(idsIn('Quand la loi GENIUS a-t-elle été adoptée ?')).toEqual(['genius-act']);
    expect(idsIn('When was the genius act passed?')).toEqual(['genius-act']);
    expect(idsIn('HOSKINSON a prédit')).toEqual(['charles-hoskinson']);
  });

  it('reports offsets in the original text', () => {
    const text = 'Qu’a dit la Réserve fédérale ?';
    const [mention] = findEntitiesIn(text, entities);
    expect(text.slice(mention!.start, mention!.end)).toBe('Réserve fédérale');
  });

  it('prefers the longest alias and does not report the shorter one inside it', () => {
    const mentions = findEntitiesIn('Charles Hoskinson et Hoskinson', entities);
    expect(mentions.map((m) => [m.entityId, m.end - m.start])).toEqual([
      ['charles-hoskinson', 17],
      ['charles-hoskinson', 9],
    ]);
  });

  it('matches whole words only, with possessives, elisions and a plural s', () => {
    expect(idsIn("Bitdeer's loss and Bitfarms' revenue")).toEqual(['bitdeer', 'bitfarms']);
    expect(idsIn("l'accord d'IREN")).toEqual(['iren']);
    expect(idsIn('how many bitcoins')).toEqual(['bitcoin']);
    expect(idsIn('Bitfarmsland and Fedora')).toEqual([]);
  });

  it('lists entities in text order, several times when named several times', () => {
    expect(idsIn('IREN and Microsoft: the Microsoft deal with Iris Energy')).toEqual([
      'iren',
      'microsoft',
      'microsoft',
      'iren',
    ]);
  });

  it('needs capitals for a short all-capital alias that is also a common word', () => {
    const registry = [
      EntitySchema.parse({
        id: 'united-states',
        type: 'place',
        name: { fr: 'États-Unis', en: 'United States' },
        aliases: { fr: [], en: ['US'] },
      }),
    ];
    expect(findEntitiesIn('tell us about the US market', registry)).toHaveLength(1);
    expect(findEntitiesIn('tell us about it', registry)).toHaveLength(0);
  });
});
