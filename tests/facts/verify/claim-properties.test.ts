import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMeasures } from '../../../facts/measures/index.ts';
import { formatValue, renderFactText } from '../../../facts/numbers/index.ts';
import type { Fact, Lang, QuantityValue } from '../../../facts/schema/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { createVerifier, periodsAgree } from '../../../facts/verify/index.ts';

const seed = loadSeed();
const measures = loadMeasures();
const verifier = createVerifier(seed.facts, seed.entities);
const LANGS = ['fr', 'en'] as const;
const lang = fc.constantFrom(...LANGS);
const quantitiesOf = (fact: Fact) => fact.values.filter((v): v is QuantityValue => v.kind === 'quantity');
const figures = seed.facts.filter((fact) => quantitiesOf(fact).length && /\{/.test(fact.text.en));
const byId = new Map(seed.entities.map((entity) => [entity.id, entity]));
const COMPANY_LIKE = new Set(['company', 'organization', 'index', 'person']);
const subjectOf = (fact: Fact, l: Lang) =>
  fact.entities.map((id) => byId.get(id)!).find((entity) => COMPANY_LIKE.has(entity.type))?.name[l];
const withValues = (fact: Fact, values: Fact['values']): Fact => ({ ...fact, values });
const verdict = (text: string, l: Lang) => verifier.verify(text, l);
const explain = (text: string, l: Lang) => `${text}\n${JSON.stringify(verdict(text, l).numbers)}`;

/** Full-width digits (U+FF10–U+FF19) for ASCII ones. */
const fullWidth = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe('every seed fact, rendered in either language', () => {
  it('verifies as the fact states it, and with its digits written full-width', () => {
    for (const fact of figures)
      for (const l of LANGS) {
        const text = renderFactText(fact, l);
        expect(verdict(text, l).ok, explain(text, l)).toBe(true);
        expect(verdict(fullWidth(text), l).ok, explain(fullWidth(text), l)).toBe(true);
      }
  });
});

describe('a seed fact, rendered with one claim made wrong, no longer verifies', () => {
  // Pairs of values of the same unit (from/to, actual/expected, this year/last year, low/high).
  const pairs = figures.flatMap((fact) => {
    const values = quantitiesOf(fact);
    return values.flatMap((a, i) =>
      values.slice(i + 1).flatMap((b) => (a.unit === b.unit && a.value !== b.value ? [{ fact, a, b }] : [])),
    );
  });

  it('when a pair of its values is swapped', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    fc.assert(
      fc.property(fc.constantFrom(...pairs), lang, ({ fact, a, b }, l) => {
        const swapped = withValues(
          fact,
          fact.values.map((value) =>
            value === a
              ? { ...a, value: b.value, scale: b.scale, decimals: b.decimals, qualifier: b.qualifier }
              : value === b
                ? { ...b, value: a.value, scale: a.scale, decimals: a.decimals, qualifier: a.qualifier }
                : value,
          ),
        );
        const text = renderFactText(swapped, l);
        expect(verdict(text, l).ok, explain(text, l)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  const DIRECTION: Record<Lang, { up: RegExp; down: RegExp; rose: string; fell: string }> = {
    en: {
      up: /\b(?:rose|jumped|grew|up)\b/,
      down: /\b(?:fell(?! short)|drops)\b/,
      rose: 'rose',
      fell: 'fell',
    },
    fr: {
      up: /\b(?:bondi|augmenté|en hausse|passé)\b/,
      down: /\b(?:chuté|baissé)\b/,
      rose: 'grimpé',
      fell: 'chuté',
    },
  };
  const flippable = LANGS.flatMap((l) =>
    figures.flatMap((fact) => {
      const text = renderFactText(fact, l);
      const words = DIRECTION[l];
      const up = words.up.exec(text);
      const down = words.down.exec(text);
      const first = [up, down].filter(Boolean).sort((x, y) => x!.index - y!.index)[0];
      if (!first) return [];
      const flipped = `${text.slice(0, first.index)}${first === up ? words.fell : words.rose}${text.slice(first.index + first[0].length)}`;
      return [{ l, text, flipped }];
    }),
  );

  it('when its direction word is flipped (rose for fell, chuté for bondi)', () => {
    expect(flippable.length).toBeGreaterThanOrEqual(10);
    for (const { l, text, flipped } of flippable) {
      expect(verdict(text, l).ok, explain(text, l)).toBe(true);
      expect(verdict(flipped, l).ok, explain(flipped, l)).toBe(false);
    }
  });

  const OF: Record<Lang, string> = { en: 'of', fr: 'de' };
  const measured = figures.flatMap((fact) =>
    quantitiesOf(fact).flatMap((value) => {
      const own = measures.find((measure) => measure.id === value.measure);
      return own ? [{ fact, value, own }] : [];
    }),
  );

  it('when another measure’s cue word names its number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...measured), lang, fc.nat(), ({ fact, value, own }, l, pick) => {
        const others = measures.filter(
          (measure) =>
            measure.id !== own.id &&
            measure.units.includes(value.unit) &&
            !own.cues[l].some((cue) => measure.cues[l].includes(cue)),
        );
        fc.pre(others.length > 0 && Boolean(subjectOf(fact, l)));
        const other = others[pick % others.length]!;
        const cue = other.cues[l].find((word) => !word.endsWith('*') && !own.cues[l].includes(word))!;
        fc.pre(Boolean(cue));
        const name = subjectOf(fact, l)!;
        const right = `${name} : ${formatValue(value, l)} ${OF[l]} ${own.cues[l][0]}.`;
        const wrong = `${name} : ${formatValue(value, l)} ${OF[l]} ${cue}.`;
        expect(verdict(right, l).ok, explain(right, l)).toBe(true);
        expect(verdict(wrong, l).ok, explain(wrong, l)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  const dated = measured.filter(({ value }) => value.period && !value.period.includes('/'));
  const IN: Record<Lang, string> = { en: 'in', fr: 'en' };
  it('when its period moves to another one', () => {
    expect(dated.length).toBeGreaterThanOrEqual(5);
    fc.assert(
      fc.property(
        fc.constantFrom(...dated),
        lang,
        fc.integer({ min: 1, max: 3 }),
        ({ fact, value }, l, years) => {
          const period = value.period!;
          const moved = `${Number(period.slice(0, 4)) - years}${period.slice(4)}`;
          const sameNumber = seed.facts.some((other) =>
            quantitiesOf(other).some(
              (v) =>
                v.unit === value.unit && v.value === value.value && v.period && periodsAgree(moved, v.period),
            ),
          );
          fc.pre(!sameNumber && Boolean(subjectOf(fact, l)));
          const when = (date: string) => formatValue({ key: 'p', kind: 'date', date, qualifier: 'exact' }, l);
          const name = subjectOf(fact, l)!;
          const right = `${name} : ${formatValue(value, l)} ${IN[l]} ${when(period)}.`;
          const wrong = `${name} : ${formatValue(value, l)} ${IN[l]} ${when(moved)}.`;
          expect(verdict(right, l).ok, explain(right, l)).toBe(true);
          expect(verdict(wrong, l).ok, explain(wrong, l)).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('when one of its numbers changes and every digit is written full-width', () => {
    fc.assert(
      fc.property(fc.constantFrom(...figures), lang, fc.integer({ min: 1, max: 5 }), (fact, l, shift) => {
        const [first, ...rest] = quantitiesOf(fact);
        const changed = { ...first!, value: first!.value * (1 + shift) };
        const collides = seed.facts.some((other) =>
          quantitiesOf(other).some(
            (v) => v.unit === changed.unit && Math.abs(v.value - changed.value) <= 0.15 * Math.abs(v.value),
          ),
        );
        fc.pre(!collides);
        const text = fullWidth(renderFactText(withValues(fact, [changed, ...rest]), l));
        expect(verdict(text, l).ok, explain(text, l)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
