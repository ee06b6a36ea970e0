import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from '../../facts/chart/index.ts';

const require = createRequire(import.meta.url);

/** DejaVu Sans from its npm package: no system font is read, so a chart looks the same on every machine. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

export interface RenderedChart {
  svg: string;
  png: Buffer;
}

/** Vega-Lite → Vega → SVG (headless, no canvas) → PNG at twice the size, sharp on high-density screens. */
export async function renderChart(spec: Record<string, unknown>): Promise<RenderedChart> {
  // Loaded on first use: start-up stays fast, and vega's modules load after discord.js's (its inspector breaks
  // when vega's are first in a vitest worker).
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const vega = compile(spec as unknown as TopLevelSpec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT },
    fitTo: { mode: 'zoom', value: 2 },
  })
    .render()
    .asPng();
  return { svg, png };
}
