import { quoteOrigin } from '../../facts/quotes/origin.ts';
import type { Fact, Lang } from '../../facts/schema/index.ts';
import type { Translate } from '../index.ts';

/** Words between the reader's quotation marks: « … » in French, “…” in English. */
export const quoted = (words: string, t: Translate): string => t('commands:common.quoted', { words });

/** Whether the reader sees the speaker's own words or a translation, and from which language (one rule: quoteOrigin). */
export function quoteMarking(fact: Fact, lang: Lang, t: Translate): string {
  const origin = quoteOrigin(fact, lang) ?? { kind: 'original' };
  if (origin.kind === 'original') return t('commands:common.original');
  const from = t(`commands:common.langName.${origin.from}`);
  return origin.kind === 'translated'
    ? t('commands:common.translation', { lang: from })
    : t('commands:common.retranslation', { lang: from });
}

/** The source that carries a quote's original wording. */
export const originalSourceOf = (fact: Fact) =>
  fact.sources[fact.quote?.originalSource ?? 0] ?? fact.sources[0];
