export { type ChartInputs, type ChartPlan, planChart } from './build.ts';
export { type ChartCheck, checkChart } from './check.ts';
export { pickChart } from './pick.ts';
export { CHART_FONT, chartSpec, THEMES } from './spec.ts';
export { chartTexts, formatPeriod } from './texts.ts';
export type * from './types.ts';
