import { translatedFrom } from '../../facts/answer/index.ts';
import type { Fact, Lang } from '../../facts/schema/index.ts';
import type { Translate } from '../index.ts';

/** Words between the reader's quotation marks: « … » in French, “…” in English. */
export const quoted = (words: string, t: Translate): string => t('commands:common.quoted', { words });

/** Whether the reader sees the speaker's own words or a translation, and from which language. */
export function quoteMarking(fact: Fact, lang: Lang, t: Translate): string {
  const from = translatedFrom(fact, lang);
  return from
    ? t('commands:common.translation', { lang: t(`commands:common.langName.${from}`) })
    : t('commands:common.original');
}

/** The source that carries a quote's original wording. */
export const originalSourceOf = (fact: Fact) =>
  fact.sources[fact.quote?.originalSource ?? 0] ?? fact.sources[0];
