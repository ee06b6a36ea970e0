import { renderFactText } from '../numbers/index.ts';
import { quoteOrigin } from '../quotes/origin.ts';
import type { Entity, Fact, Lang } from '../schema/index.ts';
import type { Translate } from './types.ts';

/** A quote as a reader sees it: speaker, quoted words, and whether these words are the original or a translation. */
export function renderQuote(
  fact: Fact,
  lang: Lang,
  entities: ReadonlyMap<string, Entity>,
  t: Translate,
): string {
  const speaker = fact.quote ? (entities.get(fact.quote.speaker)?.name[lang] ?? fact.quote.speaker) : '';
  return t('answer:quote', {
    speaker,
    words: renderFactText(fact, lang),
    marking: quoteMarkingOf(fact, lang, t),
  });
}

/** "original wording", "translated from the English"… for a quote in `lang` (the rule is quoteOrigin's). */
export function quoteMarkingOf(fact: Fact, lang: Lang, t: Translate): string {
  const origin = quoteOrigin(fact, lang) ?? { kind: 'original' };
  if (origin.kind === 'original') return t('answer:quoteOriginal');
  const from = t(`answer:langName.${origin.from}`);
  return origin.kind === 'translated'
    ? t('answer:quoteTranslated', { from })
    : t('answer:quoteRetranslated', { from });
}

/** One fact as a sentence of an answer: its text, or a quote rendered as a quote. */
export const renderFactSentence = (
  fact: Fact,
  lang: Lang,
  entities: ReadonlyMap<string, Entity>,
  t: Translate,
): string => (fact.kind === 'quote' ? renderQuote(fact, lang, entities, t) : renderFactText(fact, lang));
