import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../facts/numbers/index.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import { createVerifier } from '../../facts/verify/index.ts';
import { SOAK } from './support/replies.ts';

const seed = loadSeed();
const verifier = createVerifier(seed.facts, seed.entities);
const verifiedIds = seed.facts.filter((fact) => fact.status === 'verified').map((fact) => fact.id);

/** Pieces that look like figures in any script or notation, and the text around them. */
const FIGURE_PIECES = [
  '9,7',
  '9.7',
  '9 700',
  '9\u202f700',
  '9\u00a0700',
  '1,234,567.89',
  '1.234.567,89',
  '0,5',
  '.5',
  '5.',
  '１２３',
  '٣٤٥',
  '९८',
  '²³',
  '½',
  '−18',
  '-18',
  '+18',
  '18 %',
  '18\u202f%',
  '18%',
  '‰',
  '$',
  'US$',
  '€',
  '£',
  'BTC',
  '₿',
  ' billion',
  ' milliards',
  ' millions de dollars',
  ' Md$',
  ' M$',
  'B',
  'k',
  ' trillion',
  'T3 2025',
  'Q3',
  '2025',
  '10 septembre 2025',
  'Sept. 10',
  '3–5',
  '3 à 5',
  'between 3 and 5',
  'plus de',
  'more than',
  'about',
  'environ',
  'un tiers',
  'a third',
  'deux cents',
  'ninety-nine',
  'quatre-vingt-dix-neuf',
  'e10',
  '1e308',
  '9'.repeat(400),
  'Infinity',
  'NaN',
  '0x1F',
  'IREN',
  'Microsoft',
  'Bitfarms',
  ', while ',
  ' tandis que ',
  '. ',
  '\n',
  ' ',
];

const figureText = fc
  .array(fc.oneof(fc.constantFrom(...FIGURE_PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((pieces) => pieces.join(''));
const anyText = fc.oneof(
  figureText,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const lang = fc.constantFrom('fr' as const, 'en' as const);
const RUNS = SOAK ? 20_000 : 1500;

describe('the verifier on arbitrary text', () => {
  it('never throws, and reports each number with a span that slices back to its text', () => {
    fc.assert(
      fc.property(anyText, lang, fc.boolean(), (text, l, restricted) => {
        const report = verifier.verify(text, l, restricted ? verifiedIds.slice(0, 5) : undefined);
        const mentions = extractNumbers(text, l);
        expect(report.numbers).toHaveLength(mentions.length);
        for (const number of report.numbers) {
          expect(text.slice(number.start, number.end)).toBe(number.text);
          // A figure too long to hold is Infinity: reported, never vouched for.
          if (!Number.isFinite(number.value)) expect(number.status).not.toBe('verified');
          expect(['verified', 'unverified', 'misattributed']).toContain(number.status);
        }
        expect(report.ok).toBe(report.numbers.every((number) => number.status === 'verified'));
      }),
      { numRuns: RUNS },
    );
  });

  it('never calls a number verified without naming a verified fact, within the facts it was told to use', () => {
    fc.assert(
      fc.property(anyText, lang, fc.subarray(verifiedIds, { maxLength: 4 }), (text, l, pool) => {
        for (const number of verifier.verify(text, l, pool).numbers) {
          if (number.status === 'verified') expect(pool).toContain(number.factId);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never verifies a figure too large to hold, bare or with a unit', () => {
    for (const figure of [
      '9'.repeat(400),
      `${'9'.repeat(400)} milliards de dollars`,
      `$${'1'.repeat(330)}`,
    ]) {
      for (const l of ['fr', 'en'] as const) {
        const report = verifier.verify(`Bitfarms a extrait ${figure} bitcoins.`, l);
        expect(report.ok, `${l}: ${figure.slice(0, 20)}…`).toBe(false);
      }
    }
  });

  it('checks a 6 000-character message of figures in well under a second', () => {
    const long = fc.sample(figureText, { numRuns: 400, seed: 7 }).join(' ').slice(0, 6000);
    for (const l of ['fr', 'en'] as const) {
      const started = performance.now();
      verifier.verify(long, l);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
