import type { ChartData, ChartTexts, Theme } from './types.ts';

/** Discord's own backgrounds and text colors, so the picture sits in the conversation on either theme. */
export const THEMES: Record<Theme, { background: string; text: string; muted: string; grid: string }> = {
  dark: { background: '#313338', text: '#f2f3f5', muted: '#b5bac1', grid: '#4e5058' },
  light: { background: '#ffffff', text: '#060607', muted: '#4e5058', grid: '#e3e5e8' },
};

/** Blurple for figures, red for a fall: both keep 3:1 contrast on either background. */
const BAR = { up: '#5865f2', down: '#da373c' } as const;

/** The font shipped with the renderer (DejaVu Sans has the narrow no-break space of French numbers). */
export const CHART_FONT = 'DejaVu Sans';

/**
 * A Vega-Lite bar chart as plain data. The value axis has no tick labels: every number drawn is a label whose text
 * the verifier has read, never a tick the plotting library made up.
 */
export function chartSpec(data: ChartData, texts: ChartTexts, theme: Theme): Record<string, unknown> {
  const colors = THEMES[theme];
  const values = data.bars.map((bar, index) => ({
    category: texts.categories[index],
    value: bar.value.value,
    label: texts.labels[index],
    color: bar.value.direction === 'down' ? BAR.down : BAR.up,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: Math.max(240, 140 * values.length),
    height: 260,
    padding: 16,
    background: colors.background,
    title: { text: texts.title, subtitle: texts.caption.split('\n'), anchor: 'start', aria: false },
    data: { values },
    encoding: {
      x: { field: 'category', type: 'nominal', sort: null, title: null, axis: { labelAngle: 0 } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: texts.axisTitle,
        axis: { labels: false, ticks: false },
      },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 3 },
        encoding: { color: { field: 'color', type: 'nominal', scale: null } },
      },
      {
        mark: { type: 'text', dy: -8, fontSize: 14, fontWeight: 'bold', color: colors.text },
        encoding: { text: { field: 'label' } },
      },
    ],
    config: {
      font: CHART_FONT,
      // Vega's ARIA labels spell raw values ("280,000,000") that no verifier read; the PNG's alt text replaces them.
      aria: false,
      view: { stroke: null },
      title: {
        aria: false,
        color: colors.text,
        subtitleColor: colors.muted,
        fontSize: 18,
        subtitleFontSize: 12,
      },
      axis: {
        labelColor: colors.text,
        titleColor: colors.muted,
        gridColor: colors.grid,
        domainColor: colors.grid,
        labelFontSize: 13,
      },
    },
  };
}
