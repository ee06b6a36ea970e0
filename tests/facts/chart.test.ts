import { describe, expect, it } from 'vitest';
import { loadI18n } from '../../bot/i18n.ts';
import { checkChart, pickChart, planChart } from '../../facts/chart/index.ts';
import { loadMeasures } from '../../facts/measures/index.ts';
import type { Fact, Lang } from '../../facts/schema/index.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import { createVerifier } from '../../facts/verify/index.ts';

const { facts, entities } = loadSeed();
const measures = loadMeasures();
const verifier = createVerifier(facts, entities, { measures });
const i18n = await loadI18n();
const byId = (id: string) => facts.find((fact) => fact.id === id)!;
const inputs = (anchor: Fact, lang: Lang, pool: readonly Fact[] = facts) => ({
  anchor,
  facts: pool,
  entities,
  measures,
  verifier: createVerifier(pool, entities, { measures }),
  lang,
  theme: 'dark' as const,
  t: i18n.getFixedT(lang) as never,
});

describe('picking the figures that belong together', () => {
  it('draws a fact’s before and after values, the earlier side first', () => {
    const data = pickChart(byId('bitfarms-q3-2025-net-loss'), facts)!;
    expect(data.kind).toBe('change');
    expect(data.bars.map((bar) => bar.value.role)).toEqual(['previous', 'current']);
    const stablecoins = pickChart(byId('stablecoin-market-growth-2025'), facts)!;
    expect(stablecoins.bars.map((bar) => bar.value.role)).toEqual(['from', 'to']);
  });

  it('draws the same measure across companies, the asked one first', () => {
    const data = pickChart(byId('bitfarms-shares-fall-after-results'), facts)!;
    expect(data.kind).toBe('across');
    expect(data.measure).toBe('sharePriceChange');
    expect(data.bars.map((bar) => bar.entity)).toEqual(['bitfarms', 'iren', 'bitdeer']);
  });

  it('draws one company’s measure over periods, oldest first', () => {
    const q3 = byId('bitdeer-q3-2025-net-loss');
    const q2: Fact = {
      ...q3,
      id: 'bitdeer-q2-2025-net-loss',
      values: [{ ...q3.values[0]!, value: 147_000_000, period: '2025-Q2' } as Fact['values'][number]],
    };
    const data = pickChart(q3, [...facts, q2])!;
    expect(data.kind).toBe('series');
    expect(data.bars.map((bar) => bar.value.period)).toEqual(['2025-Q2', '2025-Q3']);
  });

  it('draws nothing for a figure that stands alone', () => {
    expect(pickChart(byId('bitfarms-bitcoin-holdings'), facts)).toBeUndefined();
  });
});

describe('verifying every number a chart draws', () => {
  it('passes a chart whose labels, caption and alt text all come from the facts', () => {
    for (const lang of ['fr', 'en'] as const) {
      const plan = planChart(inputs(byId('bitdeer-q3-2025-net-loss'), lang))!;
      expect(plan.check.ok).toBe(true);
      expect(plan.check.numbers.length).toBeGreaterThan(4);
    }
  });

  it('refuses a chart with a label no fact backs', () => {
    const plan = planChart(inputs(byId('bitdeer-q3-2025-net-loss'), 'fr'))!;
    const texts = { ...plan.texts, labels: ['266,7 millions de dollars', '47 millions de dollars'] };
    const check = checkChart(plan.data, texts, verifier, 'fr');
    expect(check.ok).toBe(false);
    expect(check.numbers.find((n) => n.status !== 'verified')?.text).toMatch(/^47/);
  });

  it('refuses a caption date that is not one of the drawn facts’ dates', () => {
    const plan = planChart(inputs(byId('bitfarms-q3-2025-net-loss'), 'en'))!;
    const texts = { ...plan.texts, caption: 'Sources: Cointelegraph, November 19, 2025' };
    expect(checkChart(plan.data, texts, verifier, 'en').ok).toBe(false);
  });

  it('refuses a chart when the verifier does not know a drawn fact (it was retired or never verified)', () => {
    const anchor = byId('bitfarms-q3-2025-net-loss');
    const plan = planChart({
      ...inputs(anchor, 'en'),
      verifier: createVerifier([], entities, { measures }),
    })!;
    expect(plan.check.ok).toBe(false);
  });
});
