import { performance } from 'node:perf_hooks';
import { createChartRenderer } from '../bot/chart/cache.ts';
import { renderChart } from '../bot/chart/render.ts';
import { loadI18n } from '../bot/i18n.ts';
import { type ChartPlan, planChart } from '../facts/chart/index.ts';
import { loadMeasures } from '../facts/measures/index.ts';
import { loadSeed } from '../facts/seed/index.ts';
import { createVerifier } from '../facts/verify/index.ts';
import { percentile, sample } from './measure.ts';
import type { Bench, BenchFigure } from './types.ts';

const ANCHORS = [
  'bitfarms-q3-2025-net-loss',
  'stablecoin-market-growth-2025',
  'bitfarms-shares-fall-after-results',
];
const RUNS = 40;

/**
 * `/chart` render time: the first render of the process (Vega's modules load, fonts are read: cold), a render that
 * misses the cache in a warm process (goal ≤ 50 ms), a cache hit, and the picking and verifying before it.
 */
export const bench: Bench = async () => {
  const { facts, entities } = loadSeed();
  const measures = loadMeasures();
  const verifier = createVerifier(facts, entities, { measures });
  const i18n = await loadI18n();
  const plans: ChartPlan[] = [];
  const planTimes = await sample(
    (i) => {
      const lang = i % 2 ? 'fr' : 'en';
      const anchor = facts.find((fact) => fact.id === ANCHORS[i % ANCHORS.length])!;
      const t = i18n.getFixedT(lang) as never;
      plans.push(
        planChart({
          anchor,
          facts,
          entities,
          measures,
          verifier,
          lang,
          theme: i % 4 < 2 ? 'dark' : 'light',
          t,
        })!,
      );
    },
    RUNS,
    0,
  );
  const start = performance.now();
  await renderChart(plans[0]!.spec);
  const cold = performance.now() - start;
  const warm = await sample((i) => renderChart(plans[i % plans.length]!.spec), RUNS, 5);
  const charts = createChartRenderer();
  for (const plan of plans) await charts.render(plan.cacheKey, plan.spec);
  const cached = await sample((i) => charts.render(plans[i % plans.length]!.cacheKey, plans[0]!.spec), RUNS);
  const figure = (name: string, value: number, extra: Partial<BenchFigure> = {}): BenchFigure => ({
    group: 'chart',
    name,
    value,
    unit: 'ms',
    ...extra,
  });
  return [
    figure('plan: pick + verify p50', percentile(planTimes, 50)),
    figure('render cold (first in process)', cold),
    figure('render warm, uncached p50', percentile(warm, 50), { target: 50 }),
    figure('render warm, uncached p99', percentile(warm, 99)),
    figure('render cached p50', percentile(cached, 50), {
      floor: { label: 'uncached', value: percentile(warm, 50) },
    }),
    figure('render cached p99', percentile(cached, 99)),
  ];
};
