import { renderFactText } from '../numbers/index.ts';
import type { Entity, Fact, Lang } from '../schema/index.ts';
import type { Translate } from './types.ts';

/** The language a quote was said in when the reader sees a translation; undefined for the speaker's own words. */
export function translatedFrom(fact: Fact, lang: Lang): Lang | undefined {
  const original = fact.quote?.original ?? lang;
  return original === lang ? undefined : original;
}

/** A quote as a reader sees it: speaker, quoted words, and whether these words are the original or a translation. */
export function renderQuote(
  fact: Fact,
  lang: Lang,
  entities: ReadonlyMap<string, Entity>,
  t: Translate,
): string {
  const speaker = fact.quote ? (entities.get(fact.quote.speaker)?.name[lang] ?? fact.quote.speaker) : '';
  const from = translatedFrom(fact, lang);
  const marking = from
    ? t('answer:quoteTranslated', { from: t(`answer:langName.${from}`) })
    : t('answer:quoteOriginal');
  return t('answer:quote', { speaker, words: renderFactText(fact, lang), marking });
}

/** One fact as a sentence of an answer: its text, or a quote rendered as a quote. */
export const renderFactSentence = (
  fact: Fact,
  lang: Lang,
  entities: ReadonlyMap<string, Entity>,
  t: Translate,
): string => (fact.kind === 'quote' ? renderQuote(fact, lang, entities, t) : renderFactText(fact, lang));
