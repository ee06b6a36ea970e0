import { type Fact, type Lang, type Source, sourceKey } from '../../facts/schema/index.ts';
import type { Translate } from '../index.ts';
import { markup } from '../markup.ts';
import { formatDate } from './dates.ts';

/** One source as a line: `title — publisher, date`, the title linked when the source has an address. */
export function renderSource(source: Source, lang: Lang, t: Translate): string {
  const title = source.url ? markup.link(source.title, source.url) : source.title;
  return t('commands:common.source', {
    title,
    publisher: source.publisher,
    date: formatDate(source.date, lang),
  });
}

/** The distinct sources of some facts, with how many of the facts each backs, most used first. */
export function countSources(facts: readonly Fact[]): { source: Source; facts: number }[] {
  const counts = new Map<string, { source: Source; facts: number }>();
  for (const fact of facts) {
    for (const source of new Map(fact.sources.map((s) => [sourceKey(s), s])).values()) {
      const entry = counts.get(sourceKey(source)) ?? { source, facts: 0 };
      entry.facts += 1;
      counts.set(sourceKey(source), entry);
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.facts - a.facts || a.source.title.localeCompare(b.source.title),
  );
}
