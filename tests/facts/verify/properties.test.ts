import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../facts/numbers/index.ts';
import type { Fact, QuantityUnit, QuantityValue, Scale } from '../../../facts/schema/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { createVerifier } from '../../../facts/verify/index.ts';

const seed = loadSeed();
const verifier = createVerifier(seed.facts, seed.entities);
const quantities = seed.facts.flatMap((fact) =>
  fact.values
    .filter((value): value is QuantityValue => value.kind === 'quantity')
    .map((value) => ({ fact, value })),
);
const dates = seed.facts.flatMap((fact) =>
  fact.values.flatMap((value) => (value.kind === 'date' ? [{ fact, date: value.date }] : [])),
);
const lang = fc.constantFrom('fr' as const, 'en' as const);

/** The oracle: is any stored value of this unit within 20 % of this one? Then a mutation is not clearly wrong. */
const nearStoredValue = (unit: QuantityUnit, value: number) =>
  quantities.some(
    ({ value: stored }) =>
      stored.unit === unit && Math.abs(stored.value - value) <= 0.2 * Math.abs(stored.value),
  );

const NEXT_SCALE: Partial<Record<Scale, Scale>> = {
  one: 'thousand',
  thousand: 'million',
  million: 'billion',
  billion: 'trillion',
};

describe('every stored value, formatted in either language', () => {
  it('verifies, alone or with its fact named as the source', () => {
    fc.assert(
      fc.property(fc.constantFrom(...quantities), lang, ({ fact, value }, l) => {
        const text = formatValue(value, l);
        expect(verifier.verify(text, l).ok, text).toBe(true);
        expect(verifier.verify(text, l, [fact.id]).ok, text).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('verifies as a stated date', () => {
    for (const { date } of dates) {
      for (const l of ['fr', 'en'] as const) {
        const text = formatValue({ key: 'd', kind: 'date', date, qualifier: 'exact' }, l);
        expect(verifier.verify(text, l).ok, text).toBe(true);
      }
    }
  });
});

describe('a stored value, mutated, no longer verifies', () => {
  it('when a digit changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...quantities),
        lang,
        fc.integer({ min: 2, max: 9 }),
        ({ value }, l, factor) => {
          const mutated = { ...value, value: value.value * (1 + factor / 3) };
          fc.pre(!nearStoredValue(value.unit, mutated.value));
          const text = formatValue(mutated, l);
          expect(verifier.verify(text, l).ok, text).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when the scale changes (million written for billion)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...quantities.filter(({ value }) => NEXT_SCALE[value.scale])),
        lang,
        ({ value }, l) => {
          const mutated = { ...value, value: value.value * 1000, scale: NEXT_SCALE[value.scale]! };
          fc.pre(!nearStoredValue(value.unit, mutated.value));
          const text = formatValue(mutated, l);
          expect(verifier.verify(text, l).ok, text).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('when the unit changes (a BTC figure written as dollars, a percentage as an amount)', () => {
    const units: QuantityUnit[] = ['USD', 'BTC', 'percent', 'MW'];
    fc.assert(
      fc.property(fc.constantFrom(...quantities), fc.constantFrom(...units), lang, ({ value }, unit, l) => {
        fc.pre(unit !== value.unit && !nearStoredValue(unit, value.value));
        const text = formatValue({ ...value, unit }, l);
        expect(verifier.verify(text, l).ok, text).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('when the year changes', () => {
    const stated = [
      ...dates.map(({ date }) => date),
      ...quantities.flatMap(({ value }) => (value.period ? [value.period] : [])),
    ];
    const years = new Set(stated.flatMap((period) => period.split('/').map((point) => point.slice(0, 4))));
    fc.assert(
      fc.property(fc.constantFrom(...dates), fc.integer({ min: 3, max: 9 }), lang, ({ date }, offset, l) => {
        const year = String(Number(date.slice(0, 4)) - offset);
        fc.pre(!years.has(year));
        const text = formatValue(
          { key: 'd', kind: 'date', date: `${year}${date.slice(4)}`, qualifier: 'exact' },
          l,
        );
        expect(verifier.verify(text, l).ok, text).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('attribution', () => {
  const companies = seed.entities.filter((entity) => entity.type === 'company');
  const concerning = (fact: Fact) => companies.filter((company) => fact.entities.includes(company.id));

  it('credits a figure to the company it concerns, and refuses it for another one', () => {
    const cases = quantities.filter(({ fact }) => concerning(fact).length === 1);
    expect(cases.length).toBeGreaterThan(5);
    for (const { fact, value } of cases) {
      const backers = quantities
        .filter((q) => q.value.unit === value.unit && q.value.value === value.value)
        .map((q) => q.fact);
      const other = companies.find(
        (company) => !backers.some((backer) => backer.entities.includes(company.id)),
      )!;
      for (const l of ['fr', 'en'] as const) {
        const own = `${concerning(fact)[0]!.name[l]} : ${formatValue(value, l)}.`;
        const wrong = `${other.name[l]} : ${formatValue(value, l)}.`;
        expect(verifier.verify(own, l).ok, own).toBe(true);
        const report = verifier.verify(wrong, l);
        expect(
          report.numbers.map((n) => n.status),
          wrong,
        ).toContain('misattributed');
      }
    }
  });

  it('reads each clause on its own: one company fell while another rose', () => {
    const report = verifier.verify(
      'Bitfarms shares fell nearly 18%, while IREN shares rose more than 10%.',
      'en',
    );
    expect(report.ok).toBe(true);
    const swapped = verifier.verify(
      'IREN shares fell nearly 18%, while Bitfarms shares rose more than 10%.',
      'en',
    );
    expect(swapped.numbers.map((n) => n.status)).toEqual(['misattributed', 'misattributed']);
  });

  it('accepts a chief executive named beside his company’s figure', () => {
    expect(verifier.verify('Bitfarms CEO Ben Gagnon reported a net loss of $46 million.', 'en').ok).toBe(
      true,
    );
  });

  it('only lets the named facts back a text when they are given', () => {
    const text = 'Les revenus ont atteint 69 millions de dollars.';
    expect(verifier.verify(text, 'fr').ok).toBe(true);
    expect(verifier.verify(text, 'fr', ['bitdeer-q3-2025-net-loss']).ok).toBe(false);
  });
});
