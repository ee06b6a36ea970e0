import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../facts/numbers/index.ts';
import type { Lang } from '../../../facts/schema/index.ts';

/** Each mention as "text=value unit", with its qualifier when it is not exact. */
const read = (text: string, lang: Lang) =>
  extractNumbers(text, lang).map(
    (m) => `${m.text}=${m.value} ${m.unit}${m.qualifier === 'exact' ? '' : ` ${m.qualifier}`}`,
  );

describe('number forms people write', () => {
  it('reads zero, except as a starting point', () => {
    expect(read('Le bilan est de zéro BTC, tolérance zéro.', 'fr')).toEqual([
      'zéro BTC=0 BTC',
      'zéro=0 count',
    ]);
    expect(read('The count fell to zero.', 'en')).toEqual(['zero=0 count']);
    expect(read('Il faut repartir de zéro.', 'fr')).toEqual([]);
    expect(read('We start from zero.', 'en')).toEqual([]);
  });

  it('reads a French "un" as a number before money, a percent or a power, never as a unit price or duration', () => {
    expect(read('Le titre coûte un dollar et a pris un %.', 'fr')).toEqual([
      'un dollar=1 USD',
      'un %=1 percent',
    ]);
    expect(read("Le coût d'un bitcoin, un an plus tard, un prix moyen.", 'fr')).toEqual([]);
  });

  it('reads approximate counts as "about", and counted dozens exactly', () => {
    expect(read('Une trentaine de mineurs et une douzaine de sites, des dizaines de projets.', 'fr')).toEqual(
      ['Une trentaine=30 count about', 'une douzaine=12 count about', 'dizaines=10 count about'],
    );
    expect(read('3 douzaines et deux centaines', 'fr')).toEqual([
      '3 douzaines=36 count',
      'deux centaines=200 count about',
    ]);
    expect(read('A dozen miners, dozens of sites, three dozen rigs.', 'en')).toEqual([
      'A dozen=12 count about',
      'dozens=12 count about',
      'three dozen=36 count',
    ]);
  });

  it('reads spoken decimals with their scale', () => {
    expect(read('three point five million dollars, two hundred point zero three', 'en')).toEqual([
      'three point five million dollars=3500000 USD',
      'two hundred point zero three=200.03 count',
    ]);
    expect(read('trois virgule cinq millions de dollars, deux virgule vingt-cinq', 'fr')).toEqual([
      'trois virgule cinq millions de dollars=3500000 USD',
      'deux virgule vingt-cinq=2.25 count',
    ]);
  });

  it('reads plural scale words', () => {
    expect(read('four billions dollars and two thousands miners', 'en')).toEqual([
      'four billions dollars=4000000000 USD',
      'two thousands=2000 count',
    ]);
    expect(read('deux milliards', 'fr')).toEqual(['deux milliards=2000000000 count']);
    // a plural scale word alone is no number
    expect(read('billions of dollars', 'en')).toEqual([]);
  });

  it('reads dollars and cents as one amount', () => {
    expect(read('$15 and 20 cents; fifteen dollars and twenty cents', 'en')).toEqual([
      '$15 and 20 cents=15.2 USD',
      'fifteen dollars and twenty cents=15.2 USD',
    ]);
    expect(read('2 USD et 50 centimes, 15 dollars 20. 3 euros 50.', 'fr')).toEqual([
      '2 USD et 50 centimes=2.5 USD',
      '15 dollars 20=15.2 USD',
      '3 euros 50=3.5 EUR',
    ]);
    // a number that goes on with its own unit is no cents
    expect(read('15 dollars 20 ans plus tard', 'fr')).toEqual(['15 dollars=15 USD', '20 ans=20 years']);
  });

  it('reads currency codes glued to the amount', () => {
    expect(read('USD7.25, 7.25USD and EUR5', 'en')).toEqual([
      'USD7.25=7.25 USD',
      '7.25USD=7.25 USD',
      'EUR5=5 EUR',
    ]);
    expect(read('USD7,25 et EUR5', 'fr')).toEqual(['USD7,25=7.25 USD', 'EUR5=5 EUR']);
  });

  it('reads hyphenated compounds with "et" and Belgian and Swiss tens', () => {
    expect(read('soixante-et-onze, vingt-et-un, septante-deux, huitante, nonante-neuf', 'fr')).toEqual([
      'soixante-et-onze=71 count',
      'vingt-et-un=21 count',
      'septante-deux=72 count',
      'huitante=80 count',
      'nonante-neuf=99 count',
    ]);
  });

  it('reads dotted thousands before a full stop', () => {
    expect(read('Il a 1.234.567. Puis 2.345.678,5.', 'fr')).toEqual([
      '1.234.567=1234567 count',
      '2.345.678,5=2345678.5 count',
    ]);
  });

  it('does not read spelled ordinals as cardinals', () => {
    expect(read('the twenty-first century, the twentieth', 'en')).toEqual([]);
    expect(read('le vingt et unième siècle, le vingt-et-unième, le trente-deuxième', 'fr')).toEqual([]);
    // fractions are still fractions, and units ending like ordinals are units
    expect(read('trois cinquièmes', 'fr')).toEqual(['trois cinquièmes=0.6 fraction']);
    expect(read('five months', 'en')).toEqual(['five months=5 months']);
  });

  it('reads mixed numbers and fractions of a dozen', () => {
    expect(read('one and a half, five and a quarter, one hundred and three quarters', 'en')).toEqual([
      'one and a half=1.5 count',
      'five and a quarter=5.25 count',
      'one hundred and three quarters=100.75 count',
    ]);
    expect(read('cinq et un quart, cent et trois quarts, trois et demi, un et un demi', 'fr')).toEqual([
      'cinq et un quart=5.25 count',
      'cent et trois quarts=100.75 count',
      'trois et demi=3.5 count',
      'un et un demi=1.5 count',
    ]);
    expect(read('two and a half years, half a dozen', 'en')).toEqual([
      'two and a half years=2.5 years',
      'half a dozen=6 count',
    ]);
  });

  it('reads a plural denominator after any numerator, but not periods or third parties', () => {
    expect(read('twenty-three fifths; vingt-trois cinquièmes', 'en').slice(0, 1)).toEqual([
      'twenty-three fifths=4.6 fraction',
    ]);
    expect(read('vingt-trois cinquièmes', 'fr')).toEqual(['vingt-trois cinquièmes=4.6 fraction']);
    expect(read('five quarters of growth', 'en')).toEqual([]);
    expect(read('vingt tiers', 'fr')).toEqual([]);
  });

  it('reads a half of the scale just written', () => {
    expect(read('3 millions et demi, deux millions et demi de dollars', 'fr')).toEqual([
      '3 millions et demi=3500000 count',
      'deux millions et demi de dollars=2500000 USD',
    ]);
    expect(read('2 billion and a half, two and a half million dollars', 'en')).toEqual([
      '2 billion and a half=2500000000 count',
      'two and a half million dollars=2500000 USD',
    ]);
  });

  it('reads a whole number over a larger one as a fraction', () => {
    expect(read('un sur trois, 7 sur 10', 'fr')).toEqual([
      'un sur trois=0.3333333333333333 fraction',
      '7 sur 10=0.7 fraction',
    ]);
    expect(read('one in five, one out of three, 1 over 3', 'en')).toEqual([
      'one in five=0.2 fraction',
      'one out of three=0.3333333333333333 fraction',
      '1 over 3=0.3333333333333333 fraction',
    ]);
    // a year, a unit or a smaller number after it is no denominator
    expect(read('5 in 2025, 3 in 10 years, 5 over 3', 'en')).toEqual([
      '5=5 count',
      '2025=2025 year',
      '3=3 count',
      '10 years=10 years',
      '5=5 count',
      '3=3 count moreThan',
    ]);
  });

  it('reads hyphenated fractions, but not compound words made with a fraction word', () => {
    expect(read('one-third of miners, two-thirds of the supply', 'en')).toEqual([
      'one-third=0.3333333333333333 fraction',
      'two-thirds=0.6666666666666666 fraction',
    ]);
    expect(read('un demi-million, une demi-douzaine', 'fr')).toEqual([
      'un demi-million=500000 count',
      'une demi-douzaine=6 count',
    ]);
    expect(read('a third-party audit and a half-year report', 'en')).toEqual([]);
    expect(read('le tiers-monde', 'fr')).toEqual([]);
  });

  it('reads a signed "one"', () => {
    expect(read('The answer is minus one.', 'en')).toEqual(['minus one=-1 count']);
  });
});
