import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';

const read = (text: string, lang: 'fr' | 'en') =>
  extractNumbers(text, lang).map(({ value, unit, scale }) => ({ value, unit, scale }));

describe('scales', () => {
  it('scales French words: million, milliard, and billion as 10¹²', () => {
    expect(read('9,7 milliards de dollars', 'fr')).toEqual([{ value: 9.7e9, unit: 'USD', scale: 'billion' }]);
    expect(read('2 millions', 'fr')).toEqual([{ value: 2e6, unit: 'count', scale: 'million' }]);
    expect(read('1 billion', 'fr')).toEqual([{ value: 1e12, unit: 'count', scale: 'trillion' }]);
    expect(read('3 mille', 'fr')).toEqual([{ value: 3000, unit: 'count', scale: 'thousand' }]);
  });

  it('scales English words: billion as 10⁹, trillion, thousand and hundred', () => {
    expect(read('Revenue reached $9.7 billion.', 'en')).toEqual([
      { value: 9.7e9, unit: 'USD', scale: 'billion' },
    ]);
    expect(read('Its market capitalization reached $2.1 trillion.', 'en')).toEqual([
      { value: 2.1e12, unit: 'USD', scale: 'trillion' },
    ]);
    expect(read('322 hundred', 'en')).toEqual([{ value: 32200, unit: 'count', scale: 'one' }]);
    expect(read('5 thousand', 'en')).toEqual([{ value: 5000, unit: 'count', scale: 'thousand' }]);
  });

  it('scales abbreviations: k, M, Md, Mds, G, bn, B', () => {
    expect(read('5,9 k BTC', 'fr')).toEqual([{ value: 5900, unit: 'BTC', scale: 'thousand' }]);
    expect(read('5.9k BTC', 'en')).toEqual([{ value: 5900, unit: 'BTC', scale: 'thousand' }]);
    expect(read('46 M$', 'fr')).toEqual([{ value: 4.6e7, unit: 'USD', scale: 'million' }]);
    expect(read('1,2 Md$ et 3 Mds €', 'fr')).toEqual([
      { value: 1.2e9, unit: 'USD', scale: 'billion' },
      { value: 3e9, unit: 'EUR', scale: 'billion' },
    ]);
    expect(read('2 G$', 'fr')).toEqual([{ value: 2e9, unit: 'USD', scale: 'billion' }]);
    expect(read('$1.2bn and $9.7B and 1.2b', 'en')).toEqual([
      { value: 1.2e9, unit: 'USD', scale: 'billion' },
      { value: 9.7e9, unit: 'USD', scale: 'billion' },
      { value: 1.2e9, unit: 'count', scale: 'billion' },
    ]);
  });

  it('does not read "M." before a name as a million, nor a lone digit before G', () => {
    expect(read('Il a versé 5 M. Dupont', 'fr')).toEqual([{ value: 5, unit: 'count', scale: 'one' }]);
    expect(read('The 5G network', 'en')).toEqual([]);
  });
});

describe('currencies and units', () => {
  it('reads dollars before and after the number, as symbols, codes and words', () => {
    const usd = (text: string, lang: 'fr' | 'en') => extractNumbers(text, lang).map((m) => [m.value, m.unit]);
    expect(usd('- - $ 75 millions', 'fr')).toEqual([[75e6, 'USD']]);
    expect(usd('75 millions de $', 'fr')).toEqual([[75e6, 'USD']]);
    expect(usd('94000 $ shuster', 'fr')).toEqual([[94000, 'USD']]);
    expect(usd('150 millions de $ usd', 'fr')).toEqual([[150e6, 'USD']]);
    expect(usd('US$ 5 et 5 $US et 7 USD', 'fr')).toEqual([
      [5, 'USD'],
      [5, 'USD'],
      [7, 'USD'],
    ]);
    expect(usd('us $ 150 million and u.s $ 100,000,000', 'en')).toEqual([
      [150e6, 'USD'],
      [1e8, 'USD'],
    ]);
    expect(usd('$ 20,000.00 $ 37,305.97', 'en')).toEqual([
      [20000, 'USD'],
      [37305.97, 'USD'],
    ]);
  });

  it('reads cents as hundredths of a dollar, and dollars with their cents', () => {
    const usd = (text: string, lang: 'fr' | 'en') => extractNumbers(text, lang).map((m) => [m.value, m.unit]);
    expect(usd('une perte par action de 8 cents', 'fr')).toEqual([[0.08, 'USD']]);
    expect(usd('an 8-cent loss', 'en')).toEqual([[0.08, 'USD']]);
    expect(usd('monté de 1,20 cents', 'fr')).toEqual([[0.012, 'USD']]);
    expect(usd('it only cost 3 dollars 50 cents', 'en')).toEqual([[3.5, 'USD']]);
    expect(usd('thirteen dollars and forty-five cents', 'en')).toEqual([[13.45, 'USD']]);
    expect(usd('10 $ 30 cent', 'en')).toEqual([[10.3, 'USD']]);
    expect(usd('1 $ 10 dollars bill', 'en')).toEqual([
      [1, 'USD'],
      [10, 'USD'],
    ]);
  });

  it('reads euros, bitcoins, percentages, percentage points, power and durations', () => {
    const units = (text: string, lang: 'fr' | 'en') =>
      extractNumbers(text, lang).map((m) => [m.value, m.unit]);
    expect(units("1,2 million d'euros, 3,2 Md€ et €1.2", 'fr')).toEqual([
      [1.2e6, 'EUR'],
      [3.2e9, 'EUR'],
      [1.2, 'EUR'],
    ]);
    expect(units('520 Bitcoin, 3 bitcoins, 2 BTC', 'fr')).toEqual([
      [520, 'BTC'],
      [3, 'BTC'],
      [2, 'BTC'],
    ]);
    expect(units('18 %, 18\u202F%, 20 pour cent, 10 pourcents, 2,5 points de pourcentage', 'fr')).toEqual([
      [18, 'percent'],
      [18, 'percent'],
      [20, 'percent'],
      [10, 'percent'],
      [2.5, 'percentagePoint'],
    ]);
    expect(units('18%, 10 percent, 4 per cent, 1.5 percentage points', 'en')).toEqual([
      [18, 'percent'],
      [10, 'percent'],
      [4, 'percent'],
      [1.5, 'percentagePoint'],
    ]);
    expect(units('18 mégawatts, 700 MW, 2 GW', 'fr')).toEqual([
      [18, 'MW'],
      [700, 'MW'],
      [2, 'GW'],
    ]);
    expect(units('The 18-megawatt site, 3 gigawatts', 'en')).toEqual([
      [18, 'MW'],
      [3, 'GW'],
    ]);
    expect(units('+14 % en 12 mois, 12 derniers mois, 30 jours', 'fr')).toEqual([
      [14, 'percent'],
      [12, 'months'],
      [12, 'months'],
      [30, 'days'],
    ]);
  });

  it('keeps a foreign currency amount as a plain count, not dollars', () => {
    expect(extractNumbers('C$ 5 million', 'en').map((m) => m.unit)).toEqual(['count']);
    expect(extractNumbers('A$5', 'en').map((m) => m.unit)).toEqual(['count']);
    expect(
      extractNumbers('5 000 $ CA, 3 $ canadiens et 1,5 milliard de dollars canadiens', 'fr').map(
        (m) => m.unit,
      ),
    ).toEqual(['count', 'count', 'count']);
    expect(extractNumbers('5 Canadian dollars and 10 GBP', 'en').map((m) => m.unit)).toEqual([
      'count',
      'count',
    ]);
  });

  it('tells a currency code from a French word in the same letters', () => {
    expect(extractNumbers('une perte de 46 M$ au T3 2025', 'fr').map((m) => [m.text, m.unit])).toEqual([
      ['46 M$', 'USD'],
      ['T3 2025', 'quarter'],
    ]);
  });
});
