import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';

/** Pieces briefings are made of, so random texts hit the grammar's corners rather than only noise. */
const PIECES = [
  ' ',
  ' ',
  '\u00A0',
  '\u202F',
  ',',
  '.',
  '-',
  '–',
  '/',
  ':',
  '%',
  '$',
  '€',
  "'",
  '’',
  '(',
  ')',
  '+',
  '&',
  '1',
  '20',
  '2025',
  '9,7',
  '9.7',
  '48 200',
  '1,827',
  '3/4',
  'k',
  'M',
  'Md',
  'bn',
  'B',
  'G',
  'T3',
  'Q3',
  'H1',
  'e',
  'un',
  'une',
  'a',
  'one',
  'deux',
  'trois',
  'vingt',
  'et',
  'cent',
  'mille',
  'million',
  'milliards',
  'tiers',
  'half',
  'moitié',
  'la',
  'de',
  'des',
  'à',
  'to',
  'and',
  'entre',
  'from',
  'plus',
  'près',
  'more',
  'than',
  'about',
  'dollars',
  'cents',
  'BTC',
  'pour',
  'percent',
  'ans',
  'years',
  'mois',
  'juillet',
  'July',
  'septembre',
  'trimestre',
  'quarter',
  'third',
  'premier',
  'first',
  'COVID-19',
  'S&P 500',
  'https://x.io/2025',
  '<@123>',
  '[a-b-1]',
  '9:30',
  'point',
  'virgule',
  'zéro',
  'douzaine',
  'dozens',
  'demi',
  'trentaine',
  'of',
  'x',
  '×',
  '3x',
  '½',
  '９',
  '𝟕',
  '٣',
  '\u200B',
  '\u2212',
  'USD7',
  'centimes',
  'https://a.io/q3-276-7m',
  '<t:1731888000:D>',
  'Hut 8',
];

const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''));

describe('extractNumbers on arbitrary text', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`never throws and returns ordered spans that slice back to their text in ${lang}`, () => {
      fc.assert(
        fc.property(fc.oneof(texts, fc.string({ maxLength: 60 })), (text) => {
          let end = 0;
          for (const mention of extractNumbers(text, lang, { names: ['Hut 8', 'S&P 500'] })) {
            expect(mention.start).toBeGreaterThanOrEqual(end);
            expect(mention.end).toBeGreaterThan(mention.start);
            expect(text.slice(mention.start, mention.end)).toBe(mention.text);
            // a figure past what a double holds ("200e2048") reads as Infinity, which the verifier refuses
            expect(Number.isNaN(mention.value)).toBe(false);
            expect(mention.precision).toBeGreaterThan(0);
            end = mention.end;
          }
        }),
        { numRuns: 1500 },
      );
    });
  }
});
