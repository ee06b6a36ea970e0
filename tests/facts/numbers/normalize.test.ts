import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNumbers, formatValue } from '../../../facts/numbers/index.ts';
import { digitValue } from '../../../facts/numbers/normalize.ts';
import type { Lang, QuantityValue } from '../../../facts/schema/index.ts';

const read = (text: string, lang: Lang) =>
  extractNumbers(text, lang).map((m) => ({ text: m.text, value: m.value, unit: m.unit }));

/** Zeros of some decimal digit scripts: Arabic-Indic, Devanagari, Bengali, Thai, full-width, math bold, math monospace. */
const ZEROS = [0x660, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7ce, 0x1d7f6];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];

/** Writes each ASCII digit of `text` in `script` (the code point of its zero) where `pick` says so. */
const inScript = (text: string, script: number, pick: readonly boolean[]) =>
  [...text]
    .map((char, i) =>
      /\d/.test(char) && pick[i % pick.length] ? String.fromCodePoint(script + Number(char)) : char,
    )
    .join('');

describe('numbers written in other digits and forms', () => {
  it('reads the digits of every script by their place in Unicode', () => {
    for (const zero of ZEROS) {
      for (let d = 0; d <= 9; d++) expect(digitValue(zero + d)).toBe(d);
    }
    // math digits are five runs of ten in a row: double-struck 7 is 7, not 17
    expect(digitValue(0x1d7d8 + 7)).toBe(7);
  });

  it('reads full-width, math-bold and Arabic-Indic digits like ASCII ones', () => {
    expect(read('Le prix ９,２ % et ９ ２００ BTC', 'fr')).toEqual([
      { text: '９,２ %', value: 9.2, unit: 'percent' },
      { text: '９ ２００ BTC', value: 9200, unit: 'BTC' },
    ]);
    expect(read('Revenue of $𝟗.𝟕 billion, ٣٤٥ MW', 'en')).toEqual([
      { text: '$𝟗.𝟕 billion', value: 9.7e9, unit: 'USD' },
      { text: '٣٤٥ MW', value: 345, unit: 'MW' },
    ]);
    expect(read('Ｕｐ １２％ ｔｏ ＄５', 'en').map((m) => m.value)).toEqual([12, 5]);
  });

  it('reads the Unicode minus, vulgar fractions and numbers split by zero-width characters', () => {
    expect(read('Le titre a perdu −5 % en 2½ ans.', 'fr')).toEqual([
      { text: '−5 %', value: -5, unit: 'percent' },
      { text: '2½ ans', value: 2.5, unit: 'years' },
    ]);
    expect(read('¾ of miners hold 1\u200B000 BTC', 'en')).toEqual([
      { text: '¾', value: 0.75, unit: 'count' },
      { text: '1\u200B000 BTC', value: 1000, unit: 'BTC' },
    ]);
  });

  it('keeps spans in the original text under random zero-width insertions and digit scripts', () => {
    const value = fc.record({
      mantissa: fc.integer({ min: 1, max: 9_999_999 }),
      decimals: fc.integer({ min: 0, max: 2 }),
      unit: fc.constantFrom('USD', 'EUR', 'BTC', 'percent', 'MW', 'count'),
      lang: fc.constantFrom<Lang>('fr', 'en'),
    });
    fc.assert(
      fc.property(
        value,
        fc.constantFrom(...ZEROS),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ZERO_WIDTH)), { maxLength: 4 }),
        ({ mantissa, decimals, unit, lang }, script, pick, insertions) => {
          const stored: QuantityValue = {
            key: 'v',
            kind: 'quantity',
            value: Number(`${mantissa}e${-decimals}`),
            unit: unit as QuantityValue['unit'],
            scale: 'one',
            decimals,
            qualifier: 'exact',
          };
          const plain = `Total : ${formatValue(stored, lang)} ici.`;
          let text = inScript(plain, script, pick);
          for (const [at, mark] of insertions) {
            const chars = [...text];
            chars.splice(at % (chars.length + 1), 0, mark);
            text = chars.join('');
          }
          const expected = extractNumbers(plain, lang);
          const found = extractNumbers(text, lang);
          expect(found.map((m) => [m.value, m.unit])).toEqual(expected.map((m) => [m.value, m.unit]));
          for (const mention of found) {
            expect(text.slice(mention.start, mention.end)).toBe(mention.text);
            const stripped = [...mention.text].filter((c) => !ZERO_WIDTH.includes(c)).join('');
            expect(stripped.length).toBeGreaterThan(0);
            expect(/\p{Nd}/u.test(mention.text)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
