import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';

const periods = (text: string, lang: 'fr' | 'en') =>
  extractNumbers(text, lang).map(({ text: written, value, unit, period }) => ({
    written,
    value,
    unit,
    period,
  }));

describe('dates and periods', () => {
  it('reads years that stand as years, and year ranges as two years', () => {
    expect(periods("d'ici 2026-2027", 'fr')).toEqual([
      { written: '2026', value: 2026, unit: 'year', period: '2026' },
      { written: '2027', value: 2027, unit: 'year', period: '2027' },
    ]);
    expect(periods('Between 2020 and 2024, fiscal 2024-25', 'en').map((m) => m.period)).toEqual([
      '2020',
      '2024',
      '2024',
      '2025',
    ]);
    expect(periods('FY2025 revenue', 'en')).toEqual([
      { written: 'FY2025', value: 2025, unit: 'year', period: '2025' },
    ]);
  });

  it('reads a four-digit number with a unit or a hedge before a noun as a quantity, not a year', () => {
    expect(periods('2025 BTC', 'en')[0]!.unit).toBe('BTC');
    expect(periods('plus de 2000 mineurs', 'fr')[0]!.unit).toBe('count');
    expect(periods('2\u202F025', 'fr')[0]!.unit).toBe('count');
  });

  it('reads months with a year', () => {
    expect(periods('adoptée en juillet 2025', 'fr')).toEqual([
      { written: 'juillet 2025', value: 7, unit: 'month', period: '2025-07' },
    ]);
    expect(periods('passed in July 2025', 'en')).toEqual([
      { written: 'July 2025', value: 7, unit: 'month', period: '2025-07' },
    ]);
  });

  it('gives the first month of a range the year written after the second', () => {
    expect(periods('entre janvier et août 2025', 'fr').map((m) => m.period)).toEqual(['2025-01', '2025-08']);
    expect(periods('from January to August 2025, January-March 2024', 'en').map((m) => m.period)).toEqual([
      '2025-01',
      '2025-08',
      '2024-01',
      '2024-03',
    ]);
    expect(periods('en janvier, puis en août 2025', 'fr').map((m) => m.period)).toEqual(['2025-08']);
  });

  it('reads days with a month, with or without the year', () => {
    expect(periods('le 10 septembre 2025', 'fr')[0]).toEqual({
      written: '10 septembre 2025',
      value: 10,
      unit: 'date',
      period: '2025-09-10',
    });
    expect(periods('le 10 septembre, le 1er janvier 2025, le 10 sept.', 'fr').map((m) => m.period)).toEqual([
      '--09-10',
      '2025-01-01',
      '--09-10',
    ]);
    expect(periods('On September 10, 2025, on Sept. 10 and 10 September', 'en').map((m) => m.period)).toEqual(
      ['2025-09-10', '--09-10', '--09-10'],
    );
    expect(periods('10/09/2025', 'fr')[0]!.period).toBe('2025-09-10');
    expect(periods('9/10/2025 and 2025-09-10', 'en').map((m) => m.period)).toEqual([
      '2025-09-10',
      '2025-09-10',
    ]);
  });

  it('reads quarters written every way', () => {
    const quarters = (text: string, lang: 'fr' | 'en') =>
      periods(text, lang).map((m) => [m.value, m.unit, m.period]);
    expect(quarters('au T3 2025, Q3 2025, au T2 2025', 'fr')).toEqual([
      [3, 'quarter', '2025-Q3'],
      [3, 'quarter', '2025-Q3'],
      [2, 'quarter', '2025-Q2'],
    ]);
    expect(quarters('troisième trimestre 2025, 3e trimestre, deuxième trimestre de 2024', 'fr')).toEqual([
      [3, 'quarter', '2025-Q3'],
      [3, 'quarter', '--Q3'],
      [2, 'quarter', '2024-Q2'],
    ]);
    expect(quarters('the third quarter of 2025, the second quarter, Q4', 'en')).toEqual([
      [3, 'quarter', '2025-Q3'],
      [2, 'quarter', '--Q2'],
      [4, 'quarter', '--Q4'],
    ]);
  });

  it('reads halves with their year', () => {
    expect(
      periods('H1 2025 and the first half of 2024', 'en').map((m) => [m.value, m.unit, m.period]),
    ).toEqual([
      [1, 'half', '2025-H1'],
      [1, 'half', '2024-H1'],
    ]);
    expect(periods('S2 2025 et premier semestre 2024', 'fr').map((m) => m.period)).toEqual([
      '2025-H2',
      '2024-H1',
    ]);
  });

  it('hedges dates with date words', () => {
    const hedges = (text: string, lang: 'fr' | 'en') =>
      extractNumbers(text, lang).map((m) => [m.unit, m.qualifier]);
    expect(hedges('avant 2025, après juillet 2025, vers 2030', 'fr')).toEqual([
      ['year', 'lessThan'],
      ['month', 'moreThan'],
      ['year', 'about'],
    ]);
    expect(hedges('before Q3 2025, no later than July 2025', 'en')).toEqual([
      ['quarter', 'lessThan'],
      ['month', 'atMost'],
    ]);
  });
});

describe('ranges', () => {
  it('shares the unit of the second number with a bare first number', () => {
    const range = (text: string, lang: 'fr' | 'en') =>
      extractNumbers(text, lang).map((m) => [m.text, m.value, m.unit]);
    expect(range('La période de blocage est de 3 à 5 ans.', 'fr')).toEqual([
      ['3', 3, 'years'],
      ['5 ans', 5, 'years'],
    ]);
    expect(range('The lockup lasts from 3 to 5 years, or 3-5 years.', 'en')).toEqual([
      ['3', 3, 'years'],
      ['5 years', 5, 'years'],
      ['3', 3, 'years'],
      ['5 years', 5, 'years'],
    ]);
    expect(range('passant de 6,25 à 3,125 BTC', 'fr')).toEqual([
      ['6,25', 6.25, 'BTC'],
      ['3,125 BTC', 3.125, 'BTC'],
    ]);
    expect(range('entre 10 et 15 %', 'fr')).toEqual([
      ['10', 10, 'percent'],
      ['15 %', 15, 'percent'],
    ]);
  });

  it('shares a scale and a unit written once: "de 205 à 268 milliards de dollars"', () => {
    const range = (text: string, lang: 'fr' | 'en') =>
      extractNumbers(text, lang).map(({ value, unit, scale, qualifier }) => ({
        value,
        unit,
        scale,
        qualifier,
      }));
    expect(range('de 205 à près de 268 milliards de dollars', 'fr')).toEqual([
      { value: 205e9, unit: 'USD', scale: 'billion', qualifier: 'exact' },
      { value: 268e9, unit: 'USD', scale: 'billion', qualifier: 'nearly' },
    ]);
    expect(range('de 24 à 46 millions de dollars', 'fr').map((m) => m.value)).toEqual([24e6, 46e6]);
    expect(range('Market cap went from $205B to almost $268B.', 'en')).toEqual([
      { value: 205e9, unit: 'USD', scale: 'billion', qualifier: 'exact' },
      { value: 268e9, unit: 'USD', scale: 'billion', qualifier: 'nearly' },
    ]);
  });

  it('keeps a year a year when what follows "à" is another amount', () => {
    expect(extractNumbers('en 2024 à 9,7 milliards de dollars', 'fr').map((m) => m.unit)).toEqual([
      'year',
      'USD',
    ]);
    expect(extractNumbers('de 2000 à 3000 salariés', 'fr').map((m) => m.unit)).toEqual(['count', 'count']);
  });
});
