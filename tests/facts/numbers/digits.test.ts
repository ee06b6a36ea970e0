import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';

const values = (text: string, lang: 'fr' | 'en') => extractNumbers(text, lang).map((m) => [m.value, m.unit]);

describe('digits in French and English conventions', () => {
  it('reads thousand groups with an ordinary space, U+00A0 and U+202F in French', () => {
    for (const space of [' ', '\u00A0', '\u202F']) {
      expect(values(`La société détient 159${space}107 BTC.`, 'fr')).toEqual([[159107, 'BTC']]);
    }
  });

  it('reads comma groups in English and keeps thin-space groups too', () => {
    expect(values('The company holds 159,107 BTC.', 'en')).toEqual([[159107, 'BTC']]);
    expect(values('The company holds 159\u202F107 BTC.', 'en')).toEqual([[159107, 'BTC']]);
    expect(values('1,234,567 and 1, 234, 567', 'en')).toEqual([
      [1234567, 'count'],
      [1, 'count'],
      [234, 'count'],
      [567, 'count'],
    ]);
  });

  it('reads a decimal comma in French and a decimal point in English', () => {
    expect(values("L'action cote 2,60 dollars.", 'fr')).toEqual([[2.6, 'USD']]);
    expect(values('Shares trade at $2.60.', 'en')).toEqual([[2.6, 'USD']]);
    expect(values('4,800', 'fr')).toEqual([[4.8, 'count']]);
    expect(values('4.800', 'en')).toEqual([[4.8, 'count']]);
    expect(values('Le prix est de 2.60 dollars.', 'fr')).toEqual([[2.6, 'USD']]);
  });

  it('reads French dot groups and space groups with decimals', () => {
    expect(values('94.000 $ et 125.000,50 $', 'fr')).toEqual([
      [94000, 'USD'],
      [125000.5, 'USD'],
    ]);
    expect(values('Le prix est de 48\u202F200,00\u00A0$US.', 'fr')).toEqual([[48200, 'USD']]);
    expect(values('1 234 567,89 €', 'fr')).toEqual([[1234567.89, 'EUR']]);
  });

  it('keeps signs, and leading decimal separators', () => {
    expect(values('Le cours a progressé de +14 % puis -18%.', 'fr')).toEqual([
      [14, 'percent'],
      [-18, 'percent'],
    ]);
    expect(values(' -9,2321312', 'fr')).toEqual([[-9.2321312, 'count']]);
    expect(values(',08', 'fr')).toEqual([[0.08, 'count']]);
    expect(values('.23456000', 'en')).toEqual([[0.23456, 'count']]);
  });

  it('splits an ASCII-space group that reads as two numbers before a ranking word', () => {
    expect(values('Les 20 100 plus grands mineurs.', 'fr')).toEqual([
      [20, 'count'],
      [100, 'count'],
    ]);
    expect(values("L'entreprise compte 2 500 salariés.", 'fr')).toEqual([[2500, 'count']]);
    expect(values('40 000 est le même que 40 000', 'fr')).toEqual([
      [40000, 'count'],
      [40000, 'count'],
    ]);
    expect(values('Les 20\u202F100 plus grands mineurs.', 'fr')).toEqual([[20100, 'count']]);
  });

  it('reads scientific notation and written fractions', () => {
    expect(values('-127,32e13', 'fr')).toEqual([[-1273200000000000, 'count']]);
    expect(values('12.32e+14 and -12e-1', 'en')).toEqual([
      [1232000000000000, 'count'],
      [-1.2, 'count'],
    ]);
    expect(values('3/4', 'en')).toEqual([[0.75, 'count']]);
    expect(values('2  1/4', 'fr')).toEqual([[2.25, 'count']]);
    expect(values('- 1 4/5', 'en')).toEqual([[-1.8, 'count']]);
  });

  it('reports the precision shown, fully scaled, with trailing integer zeros not significant', () => {
    const precision = (text: string, lang: 'fr' | 'en') => extractNumbers(text, lang)[0]!.precision;
    expect(precision('9,7 milliards de dollars', 'fr')).toBe(1e8);
    expect(precision('270 milliards de dollars', 'fr')).toBe(1e10);
    expect(precision('48 200 dollars', 'fr')).toBe(100);
    expect(precision('2,60 dollars', 'fr')).toBe(0.01);
    expect(precision('1 827 BTC', 'fr')).toBe(1);
    expect(precision('8 cents', 'en')).toBe(0.01);
  });

  it('reports UTF-16 offsets that slice back to the mention text', () => {
    const text = 'Le taux 🚀 atteint 18 % et 9,7 milliards de dollars.';
    for (const mention of extractNumbers(text, 'fr'))
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(extractNumbers(text, 'fr').map((m) => m.text)).toEqual(['18 %', '9,7 milliards de dollars']);
  });
});
