import { describe, expect, it } from 'vitest';
import { formatValue, renderFactText } from '../../../facts/numbers/index.ts';
import type {
  DateValue,
  Qualifier,
  QuantityUnit,
  QuantityValue,
  Scale,
} from '../../../facts/schema/index.ts';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

const quantity = (
  value: number,
  unit: QuantityUnit,
  scale: Scale = 'one',
  decimals = 0,
  qualifier: Qualifier = 'exact',
): QuantityValue => ({ key: 'v', kind: 'quantity', value, unit, scale, decimals, qualifier });
const date = (period: string, qualifier: Qualifier = 'exact'): DateValue => ({
  key: 'd',
  kind: 'date',
  date: period,
  qualifier,
});
const both = (value: QuantityValue | DateValue) => [formatValue(value, 'fr'), formatValue(value, 'en')];

describe('formatValue', () => {
  it('writes dollar amounts in each language with the published scale and decimals', () => {
    expect(both(quantity(9.7e9, 'USD', 'billion', 1))).toEqual(['9,7 milliards de dollars', '$9.7 billion']);
    expect(both(quantity(46e6, 'USD', 'million'))).toEqual(['46 millions de dollars', '$46 million']);
    expect(both(quantity(48200, 'USD'))).toEqual([`48${NNBSP}200 dollars`, '$48,200']);
    expect(both(quantity(2.6, 'USD', 'one', 2))).toEqual(['2,60 dollars', '$2.60']);
    expect(both(quantity(0.08, 'USD', 'one', 2))).toEqual(['0,08 dollar', '$0.08']);
    expect(both(quantity(1e9, 'USD', 'billion'))).toEqual(['1 milliard de dollars', '$1 billion']);
    expect(both(quantity(2.1e12, 'USD', 'trillion', 1))).toEqual([
      '2,1 billions de dollars',
      '$2.1 trillion',
    ]);
    expect(both(quantity(-5, 'USD'))).toEqual(['-5 dollars', '-$5']);
  });

  it('writes percentages, bitcoins, power, durations and counts', () => {
    expect(both(quantity(18, 'percent'))).toEqual([`18${NNBSP}%`, '18%']);
    expect(both(quantity(18, 'percent', 'one', 0, 'nearly'))).toEqual([`près de 18${NNBSP}%`, 'nearly 18%']);
    expect(both(quantity(297, 'count', 'one', 0, 'moreThan'))).toEqual(['plus de 297', 'more than 297']);
    expect(both(quantity(5900, 'BTC', 'thousand', 1, 'about'))).toEqual([
      `environ 5,9${NBSP}k BTC`,
      'about 5.9k BTC',
    ]);
    expect(both(quantity(159107, 'BTC'))).toEqual([`159${NNBSP}107 BTC`, '159,107 BTC']);
    expect(both(quantity(18, 'MW'))).toEqual(['18 MW', '18 MW']);
    expect(both(quantity(3, 'years'))).toEqual(['3 ans', '3 years']);
    expect(both(quantity(1, 'years'))).toEqual(['1 an', '1 year']);
    expect(both(quantity(2.5, 'percentagePoint', 'one', 1))).toEqual([
      '2,5 points de pourcentage',
      '2.5 percentage points',
    ]);
    expect(both(quantity(1.2e6, 'EUR', 'million', 1))).toEqual(['1,2 million d’euros', '€1.2 million']);
  });

  it('speaks fractions and elides French "de" before them', () => {
    expect(both(quantity(1 / 3, 'fraction', 'one', 4))).toEqual(['un tiers', 'a third']);
    expect(both(quantity(0.3333, 'fraction', 'one', 4, 'nearly'))).toEqual([
      'près d’un tiers',
      'nearly a third',
    ]);
    expect(both(quantity(0.5, 'fraction', 'one', 1, 'moreThan'))).toEqual([
      'plus de la moitié',
      'more than half',
    ]);
    expect(both(quantity(0.75, 'fraction', 'one', 2))).toEqual(['trois quarts', 'three quarters']);
  });

  it('writes dates and periods', () => {
    expect(both(date('2025-07'))).toEqual(['juillet 2025', 'July 2025']);
    expect(both(date('2025-09-10'))).toEqual(['10 septembre 2025', 'September 10, 2025']);
    expect(both(date('2025-Q3'))).toEqual(['T3 2025', 'Q3 2025']);
    expect(both(date('2025-H1'))).toEqual(['S1 2025', 'H1 2025']);
    expect(both(date('2025'))).toEqual(['2025', '2025']);
    expect(both(date('2025-01/2025-08'))).toEqual([
      'de janvier 2025 à août 2025',
      'from January 2025 to August 2025',
    ]);
    expect(both(date('2025', 'lessThan'))).toEqual(['avant 2025', 'before 2025']);
  });

  it('writes the bare number in its scale when asked for the number only', () => {
    expect(formatValue(quantity(9.7e9, 'USD', 'billion', 1, 'about'), 'fr', { numberOnly: true })).toBe(
      '9,7',
    );
    expect(formatValue(quantity(3, 'years'), 'en', { numberOnly: true })).toBe('3');
  });
});

describe('renderFactText', () => {
  it('fills {key} with the value and {key:n} with the bare number', () => {
    const fact = {
      text: {
        fr: 'L’IA absorbera le minage d’ici {min:n} à {max}.',
        en: 'AI will absorb mining within {min:n} to {max}.',
      },
      values: [
        { ...quantity(3, 'years'), key: 'min' },
        { ...quantity(5, 'years'), key: 'max' },
      ],
    };
    expect(renderFactText(fact, 'fr')).toBe('L’IA absorbera le minage d’ici 3 à 5 ans.');
    expect(renderFactText(fact, 'en')).toBe('AI will absorb mining within 3 to 5 years.');
  });

  it('leaves a placeholder that names no value as written', () => {
    expect(renderFactText({ text: { fr: 'Rien {x}.', en: 'Nothing {x}.' }, values: [] }, 'en')).toBe(
      'Nothing {x}.',
    );
  });
});
