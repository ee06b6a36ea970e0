import type { Fact, Lang } from '../schema/index.ts';

/**
 * How the words a reader sees relate to what the speaker said: `original` (the speaker's own words, in the
 * language they spoke), `translated` from the language they spoke, or `retranslated` — in the speaker's language,
 * but rendered back from a report in `from` because no source on record carries their own wording.
 */
export type QuoteOrigin =
  | { kind: 'original' }
  | { kind: 'translated'; from: Lang }
  | { kind: 'retranslated'; from: Lang };

/**
 * The origin of a quote's wording in `lang`. `quote.original` is the language the speaker used; their own words
 * are on record when the source at `quote.originalSource` (the first by default) is in that language.
 */
export function quoteOrigin(fact: Pick<Fact, 'quote' | 'sources'>, lang: Lang): QuoteOrigin | undefined {
  if (!fact.quote) return undefined;
  const spoken = fact.quote.original;
  if (lang !== spoken) return { kind: 'translated', from: spoken };
  const source = fact.sources[fact.quote.originalSource ?? 0] ?? fact.sources[0];
  if (!source || source.lang === spoken) return { kind: 'original' };
  return { kind: 'retranslated', from: source.lang };
}
