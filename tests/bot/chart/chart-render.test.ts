import { describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../../bot/chart/cache.ts';
import { renderChart } from '../../../bot/chart/render.ts';
import { loadI18n } from '../../../bot/i18n.ts';
import { type ChartPlan, planChart, type Theme } from '../../../facts/chart/index.ts';
import { loadMeasures } from '../../../facts/measures/index.ts';
import type { Lang } from '../../../facts/schema/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { createVerifier } from '../../../facts/verify/index.ts';

const { facts, entities } = loadSeed();
const measures = loadMeasures();
const verifier = createVerifier(facts, entities, { measures });
const i18n = await loadI18n();

function plan(id: string, lang: Lang, theme: Theme = 'dark'): ChartPlan {
  const anchor = facts.find((fact) => fact.id === id)!;
  const t = i18n.getFixedT(lang) as never;
  return planChart({ anchor, facts, entities, measures, verifier, lang, theme, t })!;
}

const decode = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;|&apos;/g, "'");
/** Every line of text drawn: single-line `<text>` and the `<tspan>` lines of a multi-line one. */
const textsOf = (svg: string) =>
  [...svg.matchAll(/<(text|tspan)\b[^>]*>([^<]+)<\/\1>/g)].map((m) => decode(m[2]!));
/** The bar marks: the paths inside Vega's rect-mark groups. */
const barsOf = (svg: string) =>
  [...svg.matchAll(/<g class="mark-rect role-mark[^"]*"[^>]*>((?:<path[^>]*\/>)+)<\/g>/g)].flatMap(
    (m) => m[1]!.match(/<path/g) ?? [],
  );

describe('a chart drawn to SVG and PNG', () => {
  it('draws one bar per company and labels each with its value in French format', async () => {
    const drawn = await renderChart(plan('bitdeer-q3-2025-net-loss', 'fr').spec);
    expect(barsOf(drawn.svg)).toHaveLength(2);
    const texts = textsOf(drawn.svg);
    expect(texts).toEqual(expect.arrayContaining(['Bitdeer', 'Bitfarms', 'Perte nette']));
    expect(texts.some((text) => /^266,7[\u00a0\u202f ]millions de dollars$/.test(text))).toBe(true);
    expect(texts.some((text) => /^Sources\u202f: Cointelegraph/.test(text))).toBe(true);
    expect(texts.some((text) => text === 'Données au 30 septembre 2025')).toBe(true);
  });

  it('draws the same chart in English format, with the English title and caption', async () => {
    const drawn = await renderChart(plan('bitdeer-q3-2025-net-loss', 'en').spec);
    const texts = textsOf(drawn.svg);
    expect(texts).toEqual(
      expect.arrayContaining(['$266.7 million', '$46 million', 'Net loss, company by company']),
    );
    expect(texts).toContain('As of September 30, 2025');
  });

  it('draws no number that the verifier did not read: every SVG text is one of the checked texts', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const planned = plan('bitfarms-shares-fall-after-results', lang);
      const { title, axisTitle, categories, labels, caption } = planned.texts;
      const checked = new Set([title, axisTitle, ...categories, ...labels, ...caption.split('\n')]);
      const drawn = await renderChart(planned.spec);
      expect(planned.check.ok).toBe(true);
      expect(textsOf(drawn.svg).filter((text) => /\d/.test(text) && !checked.has(text))).toEqual([]);
      // Vega still labels the title for screen readers: with the checked texts taken out, no digit is left.
      const arias = [...drawn.svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => decode(m[1]!));
      const rest = arias.map((label) =>
        [...checked].reduce((left, text) => left.split(text).join(''), label),
      );
      expect(rest.filter((left) => /\d/.test(left))).toEqual([]);
    }
  });

  it('uses Discord’s dark and light backgrounds, and writes a PNG', async () => {
    const dark = await renderChart(plan('stablecoin-market-growth-2025', 'en', 'dark').spec);
    const light = await renderChart(plan('stablecoin-market-growth-2025', 'en', 'light').spec);
    expect(dark.svg).toContain('#313338');
    expect(light.svg).toContain('#ffffff');
    expect([...dark.png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(dark.png.equals(light.png)).toBe(false);
  });

  it('draws a chart once per fact versions, language and theme', async () => {
    const charts = createChartRenderer();
    const french = plan('bitfarms-q3-2025-net-loss', 'fr');
    const english = plan('bitfarms-q3-2025-net-loss', 'en');
    const first = await charts.render(french.cacheKey, french.spec);
    expect(await charts.render(french.cacheKey, french.spec)).toBe(first);
    expect(await charts.render(english.cacheKey, english.spec)).not.toBe(first);
    expect(french.cacheKey).toContain('bitfarms-q3-2025-net-loss@1');
    expect(plan('bitfarms-q3-2025-net-loss', 'fr', 'light').cacheKey).not.toBe(french.cacheKey);
  });
});
