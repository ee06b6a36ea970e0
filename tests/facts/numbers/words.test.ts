import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';

const read = (text: string, lang: 'fr' | 'en') =>
  extractNumbers(text, lang).map((m) => [m.text, m.value, m.unit]);

describe('numbers written in words', () => {
  it('reads French compounds with hyphens, spaces and "et"', () => {
    expect(read('quatre-vingt-dix mineurs', 'fr')).toEqual([['quatre-vingt-dix', 90, 'count']]);
    expect(read('deux cent cinquante mille dollars', 'fr')).toEqual([
      ['deux cent cinquante mille dollars', 250000, 'USD'],
    ]);
    expect(read('soixante et onze', 'fr')).toEqual([['soixante et onze', 71, 'count']]);
    expect(read('dix-sept, vingt et un, quatre-vingts', 'fr')).toEqual([
      ['dix-sept', 17, 'count'],
      ['vingt et un', 21, 'count'],
      ['quatre-vingts', 80, 'count'],
    ]);
    expect(read('cinq cent trente cinq pourcent', 'fr')).toEqual([
      ['cinq cent trente cinq pourcent', 535, 'percent'],
    ]);
  });

  it('reads English compounds', () => {
    expect(read('twenty-one, forty five, one hundred and five', 'en')).toEqual([
      ['twenty-one', 21, 'count'],
      ['forty five', 45, 'count'],
      ['one hundred and five', 105, 'count'],
    ]);
    expect(read('three to five years', 'en')).toEqual([
      ['three', 3, 'years'],
      ['five years', 5, 'years'],
    ]);
  });

  it('reads spelled scales: un milliard, one billion, a million dollars', () => {
    expect(read('un milliard de dollars', 'fr')).toEqual([['un milliard de dollars', 1e9, 'USD']]);
    expect(read('one billion and a million dollars', 'en')).toEqual([
      ['one billion', 1e9, 'count'],
      ['a million dollars', 1e6, 'USD'],
    ]);
  });

  it('reads spelled percentages and percent written first', () => {
    expect(read('vingt pourcent', 'fr')).toEqual([['vingt pourcent', 20, 'percent']]);
    expect(read('pourcent des trois cent cinq', 'fr')).toEqual([
      ['pourcent des trois cent cinq', 305, 'percent'],
    ]);
    expect(read('per cent of twenty-two', 'en')).toEqual([['per cent of twenty-two', 22, 'percent']]);
    expect(read('just need minus five percent', 'en')).toEqual([['minus five percent', -5, 'percent']]);
  });

  it('reads spoken fractions as fractions', () => {
    const third = 1 / 3;
    expect(read('Presque un tiers des mineurs ont vendu.', 'fr')).toEqual([['un tiers', third, 'fraction']]);
    expect(read('Nearly a third of miners sold; one third; two thirds of them.', 'en')).toEqual([
      ['a third', third, 'fraction'],
      ['one third', third, 'fraction'],
      ['two thirds', 2 * third, 'fraction'],
    ]);
    expect(read('la moitié des mineurs, réduit de moitié, trois quarts', 'fr')).toEqual([
      ['la moitié', 0.5, 'fraction'],
      ['de moitié', 0.5, 'fraction'],
      ['trois quarts', 0.75, 'fraction'],
    ]);
    expect(read('half of them', 'en')).toEqual([['half', 0.5, 'fraction']]);
  });

  it('does not read articles or pronouns alone as numbers', () => {
    expect(read('une séance, un prix moyen, une capacité, un total', 'fr')).toEqual([]);
    expect(
      read('One dealer said one of the firms had a good year; a third party; in the first half.', 'en'),
    ).toEqual([]);
    expect(read('un an plus tôt, en un an', 'fr')).toEqual([]);
    expect(read('un bâtiment neuf', 'fr')).toEqual([]);
    expect(read('repartir de zéro', 'fr')).toEqual([]);
    expect(read('zéro pour cent et neuf ans', 'fr')).toEqual([
      ['zéro pour cent', 0, 'percent'],
      ['neuf ans', 9, 'years'],
    ]);
  });

  it('reads an article as one after a qualifier and before a unit', () => {
    const hedged = (text: string, lang: 'fr' | 'en') =>
      extractNumbers(text, lang).map(({ value, unit, qualifier }) => ({ value, unit, qualifier }));
    expect(hedged("depuis plus d'un an", 'fr')).toEqual([{ value: 1, unit: 'years', qualifier: 'moreThan' }]);
    expect(hedged('not moved in over a year', 'en')).toEqual([
      { value: 1, unit: 'years', qualifier: 'moreThan' },
    ]);
  });
});
