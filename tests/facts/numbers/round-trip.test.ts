import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNumbers, formatValue, type NumberMention } from '../../../facts/numbers/index.ts';
import type { DateValue, Lang, Qualifier, QuantityValue, Scale } from '../../../facts/schema/index.ts';

const LANGS: Lang[] = ['fr', 'en'];
const QUALIFIERS: Qualifier[] = ['exact', 'about', 'nearly', 'moreThan', 'lessThan', 'atLeast', 'atMost'];
const SCALE_EXP: Record<Scale, number> = { one: 0, thousand: 3, million: 6, billion: 9, trillion: 12 };
const SCALED_UNITS = ['USD', 'EUR', 'BTC', 'count'] as const;
const PLAIN_UNITS = [
  'percent',
  'percentagePoint',
  'MW',
  'GW',
  'years',
  'months',
  'days',
  'USD',
  'EUR',
  'BTC',
  'count',
] as const;

/** A value as published: an integer mantissa shown with `decimals` decimals in its scale. */
const scaledQuantity = fc
  .record({
    mantissa: fc.integer({ min: -999_999, max: 9_999_999 }),
    decimals: fc.integer({ min: 0, max: 3 }),
    unit: fc.constantFrom(...SCALED_UNITS),
    scale: fc.constantFrom<Scale>('thousand', 'million', 'billion', 'trillion'),
    qualifier: fc.constantFrom(...QUALIFIERS),
  })
  .map(
    ({ mantissa, decimals, unit, scale, qualifier }): QuantityValue => ({
      key: 'v',
      kind: 'quantity',
      value: Number(`${mantissa}e${SCALE_EXP[scale] - decimals}`),
      unit,
      scale,
      decimals,
      qualifier,
    }),
  );

const plainQuantity = fc
  .record({
    mantissa: fc.integer({ min: -99_999, max: 99_999_999 }),
    decimals: fc.integer({ min: 0, max: 4 }),
    unit: fc.constantFrom(...PLAIN_UNITS),
    qualifier: fc.constantFrom(...QUALIFIERS),
  })
  .map(
    ({ mantissa, decimals, unit, qualifier }): QuantityValue => ({
      key: 'v',
      kind: 'quantity',
      value: Number(`${mantissa}e${-decimals}`),
      unit,
      scale: 'one',
      decimals,
      qualifier,
    }),
  );

const fraction = fc
  .record({
    denominator: fc.integer({ min: 2, max: 10 }),
    numerator: fc.integer({ min: 1, max: 9 }),
    qualifier: fc.constantFrom(...QUALIFIERS),
  })
  .filter(({ numerator, denominator }) => numerator < denominator)
  .map(
    ({ numerator, denominator, qualifier }): QuantityValue => ({
      key: 'v',
      kind: 'quantity',
      value: numerator / denominator,
      unit: 'fraction',
      scale: 'one',
      decimals: 4,
      qualifier,
    }),
  );

const pad = (n: number) => String(n).padStart(2, '0');
const period = fc.oneof(
  fc.integer({ min: 1900, max: 2100 }).map(String),
  fc
    .record({ y: fc.integer({ min: 1900, max: 2100 }), q: fc.integer({ min: 1, max: 4 }) })
    .map(({ y, q }) => `${y}-Q${q}`),
  fc
    .record({ y: fc.integer({ min: 1900, max: 2100 }), h: fc.integer({ min: 1, max: 2 }) })
    .map(({ y, h }) => `${y}-H${h}`),
  fc
    .record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${pad(m)}`),
  fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
// "nearly" a date is written like "about" (there is no nearer word for a date)
const dateValue = fc
  .record({
    period,
    qualifier: fc.constantFrom<Qualifier>('exact', 'about', 'moreThan', 'lessThan', 'atLeast', 'atMost'),
  })
  .map(({ period: date, qualifier }): DateValue => ({ key: 'd', kind: 'date', date, qualifier }));

const UNIT_OF_PERIOD = (date: string) =>
  /-Q/.test(date)
    ? 'quarter'
    : /-H/.test(date)
      ? 'half'
      : date.length === 4
        ? 'year'
        : date.length === 7
          ? 'month'
          : 'date';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Whether a single mention reads back the stored value. */
function readsBack(mentions: NumberMention[], value: QuantityValue | DateValue): boolean {
  if (mentions.length !== 1) return false;
  const [mention] = mentions as [NumberMention];
  if (value.kind === 'date') {
    return (
      mention.period === value.date &&
      mention.unit === UNIT_OF_PERIOD(value.date) &&
      mention.qualifier === value.qualifier
    );
  }
  return (
    close(mention.value, value.value) &&
    mention.unit === value.unit &&
    mention.scale === value.scale &&
    mention.qualifier === value.qualifier &&
    mention.period === undefined
  );
}

describe('extractNumbers reads back what formatValue writes', () => {
  for (const lang of LANGS) {
    it(`reads back random quantities of every unit, scale and qualifier in ${lang}`, () => {
      fc.assert(
        fc.property(fc.oneof(scaledQuantity, plainQuantity, fraction), (value) => {
          const text = formatValue(value, lang);
          expect(readsBack(extractNumbers(text, lang), value), text).toBe(true);
        }),
        { numRuns: 400 },
      );
    });

    it(`reads back random multiples ("3x") in ${lang}, a unit the schema does not hold yet`, () => {
      const multiple = fc
        .record({
          mantissa: fc.integer({ min: -9_999, max: 99_999 }),
          decimals: fc.integer({ min: 0, max: 2 }),
          qualifier: fc.constantFrom(...QUALIFIERS),
        })
        .map(
          ({ mantissa, decimals, qualifier }): QuantityValue => ({
            key: 'v',
            kind: 'quantity',
            value: Number(`${mantissa}e${-decimals}`),
            unit: 'multiple' as QuantityValue['unit'],
            scale: 'one',
            decimals,
            qualifier,
          }),
        );
      fc.assert(
        fc.property(multiple, (value) => {
          const text = formatValue(value, lang);
          expect(readsBack(extractNumbers(text, lang), value), text).toBe(true);
        }),
        { numRuns: 200 },
      );
    });

    it(`reads back random dates, months, quarters, halves and years in ${lang}`, () => {
      fc.assert(
        fc.property(dateValue, (value) => {
          const text = formatValue(value, lang);
          expect(readsBack(extractNumbers(text, lang), value), text).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it(`reads back a value inside a sentence in ${lang}`, () => {
      fc.assert(
        fc.property(fc.oneof(scaledQuantity, plainQuantity, dateValue), (value) => {
          const text =
            lang === 'fr'
              ? `Selon le rapport, ${formatValue(value, lang)}.`
              : `Per the report, ${formatValue(value, lang)}.`;
          expect(readsBack(extractNumbers(text, lang), value), text).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('a changed figure no longer reads back', () => {
  const dollars: QuantityValue = {
    key: 'v',
    kind: 'quantity',
    value: 9.7e9,
    unit: 'USD',
    scale: 'billion',
    decimals: 1,
    qualifier: 'exact',
  };
  const quarter: DateValue = { key: 'd', kind: 'date', date: '2025-Q3', qualifier: 'exact' };
  const MUTATIONS: [string, (text: string) => string][] = [
    ['a digit', (text) => text.replace('7', '8')],
    [
      'the scale',
      (text) => text.replace(/milliards|billion/, (word) => (word === 'billion' ? 'million' : 'millions')),
    ],
    ['the unit', (text) => text.replace(/dollars|\$/, (word) => (word === '$' ? '€' : 'euros'))],
    ['the qualifier', (text) => (text.startsWith('$') ? `nearly ${text}` : `près de ${text}`)],
  ];

  for (const lang of LANGS) {
    for (const [what, mutate] of MUTATIONS) {
      it(`notices ${what} changed in ${lang}`, () => {
        const original = formatValue(dollars, lang);
        expect(readsBack(extractNumbers(original, lang), dollars)).toBe(true);
        const changed = mutate(original);
        expect(changed).not.toBe(original);
        expect(readsBack(extractNumbers(changed, lang), dollars)).toBe(false);
      });
    }

    it(`notices the year of a quarter changed in ${lang}`, () => {
      const original = formatValue(quarter, lang);
      expect(readsBack(extractNumbers(original, lang), quarter)).toBe(true);
      expect(readsBack(extractNumbers(original.replace('2025', '2024'), lang), quarter)).toBe(false);
    });

    it(`notices a digit changed in random quantities in ${lang}`, () => {
      fc.assert(
        fc.property(fc.oneof(scaledQuantity, plainQuantity), fc.nat(), (value, seed) => {
          const text = formatValue(value, lang);
          const digits = [...text.matchAll(/\d/g)].map((match) => match.index!);
          const at = digits[seed % digits.length]!;
          const replaced = String((Number(text[at]) + 1 + (seed % 8)) % 10);
          const changed = `${text.slice(0, at)}${replaced}${text.slice(at + 1)}`;
          expect(readsBack(extractNumbers(changed, lang), value), changed).toBe(false);
        }),
        { numRuns: 200 },
      );
    });
  }
});
