import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';

const qualifiers = (text: string, lang: 'fr' | 'en') => extractNumbers(text, lang).map((m) => m.qualifier);

describe('qualifiers', () => {
  it('reads approximation marks as "about"', () => {
    expect(qualifiers('~5 %, ≈ 6 MW, env. 7 BTC, approx. 8 $, ∼9', 'fr')).toEqual(Array(5).fill('about'));
    expect(qualifiers('~$5, ≈6%, ca. 7 BTC, approx. 8 MW, ~ 9', 'en')).toEqual(Array(5).fill('about'));
    // the French "ça." ending a sentence is no "ca." hedge
    expect(qualifiers('On a fait ça. 5 personnes sont venues.', 'fr')).toEqual(['exact']);
  });

  it('reads French hedges', () => {
    expect(
      qualifiers(
        'environ 5 %, près de 18 %, presque 3 ans, quasiment 2 GW, plus de 297, moins de 1 %, au moins 3 ans, ' +
          "jusqu'à 5 %, autour de 10 MW, sous 1 dollar, 12 %",
        'fr',
      ),
    ).toEqual([
      'about',
      'nearly',
      'nearly',
      'nearly',
      'moreThan',
      'lessThan',
      'atLeast',
      'atMost',
      'about',
      'lessThan',
      'exact',
    ]);
  });

  it('reads English hedges', () => {
    expect(
      qualifiers(
        'about 5%, around 6%, roughly 2 GW, approximately 3 years, nearly 18%, almost 3 BTC, close to 4%, more than ' +
          '297, over 10%, above $1, less than 1%, under 2%, below $1, at least 3%, up to $5 million, 12%',
        'en',
      ),
    ).toEqual([
      'about',
      'about',
      'about',
      'about',
      'nearly',
      'nearly',
      'nearly',
      'moreThan',
      'moreThan',
      'moreThan',
      'lessThan',
      'lessThan',
      'lessThan',
      'atLeast',
      'atMost',
      'exact',
    ]);
  });

  it('finds nothing after a hedge that ends the text', () => {
    expect(extractNumbers('It was more than', 'en')).toEqual([]);
    expect(extractNumbers('Il y en avait plus de', 'fr')).toEqual([]);
  });

  it('hedges the amount after a currency sign and a spoken fraction', () => {
    expect(extractNumbers('about $ 14 million', 'en')[0]).toMatchObject({
      value: 14e6,
      unit: 'USD',
      qualifier: 'about',
    });
    expect(extractNumbers("près d'un tiers", 'fr')[0]).toMatchObject({
      unit: 'fraction',
      qualifier: 'nearly',
    });
    expect(extractNumbers('more than half', 'en')[0]).toMatchObject({ value: 0.5, qualifier: 'moreThan' });
  });
});
