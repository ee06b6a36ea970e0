import type { Translate } from '../answer/types.ts';
import { listFormat } from '../intl-cache.ts';
import { formatValue } from '../numbers/index.ts';
import type { Entity, Lang, Measure } from '../schema/index.ts';
import { sourceKey } from '../schema/index.ts';
import type { ChartBar, ChartData, ChartTexts } from './types.ts';

/** A period or date in words ("T3 2025", "30 septembre 2025"), the way fact texts write them. */
export const formatPeriod = (date: string, lang: Lang): string =>
  formatValue({ kind: 'date', key: 'period', date, qualifier: 'exact' }, lang);

/** What names a bar under its axis: the entity across companies, else its period, else its side of the change. */
function category(
  bar: ChartBar,
  data: ChartData,
  lang: Lang,
  t: Translate,
  names: Map<string, string>,
): string {
  if (data.kind === 'across') return names.get(bar.entity) ?? bar.entity;
  if (bar.value.period) return formatPeriod(bar.value.period, lang);
  return t(`commands:chart.role.${bar.value.role ?? 'current'}`);
}

/** Title, axis, labels, caption (sources and "as of" dates) and alt text of a chart, in one language. */
export function chartTexts(
  data: ChartData,
  lang: Lang,
  t: Translate,
  entities: readonly Entity[],
  measures: readonly Measure[],
): ChartTexts {
  const names = new Map(entities.map((entity) => [entity.id, entity.name[lang]]));
  const measure = measures.find((candidate) => candidate.id === data.measure)?.name[lang] ?? data.measure;
  const entity = names.get(data.bars[0]!.entity) ?? data.bars[0]!.entity;
  const title = t(`commands:chart.title.${data.kind}`, { measure: capitalize(measure), entity });
  const categories = data.bars.map((bar) => category(bar, data, lang, t, names));
  const labels = data.bars.map((bar) => formatValue(bar.value, lang));
  const facts = [...new Map(data.bars.map((bar) => [bar.fact.id, bar.fact])).values()];
  const sources = [
    ...new Map(facts.flatMap((fact) => fact.sources).map((source) => [sourceKey(source), source])).values(),
  ];
  const list = (items: string[]) => listFormat(lang, { type: 'conjunction' }).format(items);
  const asOf = [...new Set(facts.map((fact) => fact.asOf))].sort();
  const caption = t('commands:chart.caption', {
    sources: list(sources.map((source) => `${source.publisher}, ${formatPeriod(source.date, lang)}`)),
    asOf: list(asOf.map((date) => formatPeriod(date, lang))),
  });
  const items = categories.map((name, index) => {
    const direction = data.bars[index]!.value.direction;
    return t(`commands:chart.item${direction === 'down' ? 'Down' : direction === 'up' ? 'Up' : ''}`, {
      name,
      value: labels[index],
    });
  });
  const alt = t('commands:chart.alt', {
    title,
    items: items.join(t('commands:chart.itemSeparator')),
    caption: caption.replace(/\n/g, '. '),
  });
  return { title, axisTitle: capitalize(measure), categories, labels, caption, alt };
}

const capitalize = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);
