import type { Fact, QuantityValue } from '../schema/index.ts';

/** Which figures a chart puts side by side. */
export type ChartKind = 'change' | 'across' | 'series';

/** One bar: a stored value and the fact it comes from. */
export interface ChartBar {
  value: QuantityValue;
  fact: Fact;
  /** The entity the bar is about (the fact's first entity). */
  entity: string;
}

/** Figures that belong together: one measure, one unit, two bars or more. */
export interface ChartData {
  kind: ChartKind;
  measure: string;
  bars: ChartBar[];
}

export type Theme = 'dark' | 'light';

/** Every word and number a chart shows, in the reader's language. */
export interface ChartTexts {
  title: string;
  axisTitle: string;
  /** Under each bar (an entity, a period, or a side of a change). */
  categories: string[];
  /** Above each bar: the value as published. */
  labels: string[];
  caption: string;
  /** The attachment's description, read by screen readers. */
  alt: string;
}
