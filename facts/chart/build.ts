import type { Translate } from '../answer/types.ts';
import type { Entity, Fact, Lang, Measure } from '../schema/index.ts';
import type { Verifier } from '../verify/index.ts';
import { type ChartCheck, checkChart } from './check.ts';
import { pickChart } from './pick.ts';
import { chartSpec } from './spec.ts';
import { chartTexts } from './texts.ts';
import type { ChartData, ChartTexts, Theme } from './types.ts';

export interface ChartPlan {
  data: ChartData;
  texts: ChartTexts;
  check: ChartCheck;
  spec: Record<string, unknown>;
  /** The drawn facts' versions, the language and the theme: what the picture depends on. */
  cacheKey: string;
}

export interface ChartInputs {
  anchor: Fact;
  facts: readonly Fact[];
  entities: readonly Entity[];
  measures: readonly Measure[];
  verifier: Verifier;
  lang: Lang;
  theme: Theme;
  t: Translate;
}

/** Picks the figures for a fact, words them, verifies every drawn number and builds the spec; none if they stand alone. */
export function planChart(inputs: ChartInputs): ChartPlan | undefined {
  const { anchor, facts, entities, measures, verifier, lang, theme, t } = inputs;
  const data = pickChart(anchor, facts);
  if (!data) return undefined;
  const texts = chartTexts(data, lang, t, entities, measures);
  const check = checkChart(data, texts, verifier, lang);
  const versions = [...new Set(data.bars.map((bar) => `${bar.fact.id}@${bar.fact.version}`))].join(',');
  const cacheKey = `${data.kind}:${data.measure}|${versions}|${lang}|${theme}`;
  return { data, texts, check, spec: chartSpec(data, texts, theme), cacheKey };
}
