import type { Translate } from '../../commands/index.ts';
import { formatDate as formatDay } from '../../commands/render/dates.ts';
import { closeSentence } from '../../facts/answer/index.ts';
import { quoteMarkingOf } from '../../facts/answer/quote.ts';
import { type DigestData, type DigestEntry, keyQuote, typeset } from '../../facts/digest/index.ts';
import { listFormat } from '../../facts/intl-cache.ts';
import { renderFactText } from '../../facts/numbers/index.ts';
import type { Entity, Fact, Lang } from '../../facts/schema/index.ts';
import type { CheckedNumber } from '../../facts/verify/types.ts';

/** A line of a digest. `claim` is the part of `text` written from facts (`factIds`): what the verifier must back. */
export interface DigestLine {
  text: string;
  /** One of the digest's items (a change or a key figure), as opposed to an introduction or a closing note. */
  item?: boolean;
  claim?: { factIds: string[]; start: number; end: number; numbers?: CheckedNumber[] };
}

/** A heading and its lines (a section without heading is an introduction or a closing note). */
export interface DigestSection {
  heading?: string;
  lines: DigestLine[];
}

/** A digest in words, before it is verified and cut into embeds. */
export interface RenderedDigest {
  lang: Lang;
  title: string;
  sections: DigestSection[];
  footer: string;
}

const CLAIM = '\u0000';

/** A calendar date `YYYY-MM-DD` written for the reader, compact (`10 mars 2025`, `Mar 10, 2025`). */
export const formatDate = (date: string, lang: Lang): string => formatDay(date.slice(0, 10), lang, 'medium');

/** A fact's sentence in a digest, and whether it is a quote cut to its key sentence (full text behind /quote). */
interface Sentence {
  text: string;
  shortened: boolean;
}

/** Sentences already rendered, per fact object (a snapshot's facts are never mutated) and language. */
const sentences = new WeakMap<Fact, Map<Lang, Sentence>>();

function sentenceOf(fact: Fact, lang: Lang, t: Translate, entities: ReadonlyMap<string, Entity>): Sentence {
  let byLang = sentences.get(fact);
  if (!byLang) {
    byLang = new Map();
    sentences.set(fact, byLang);
  }
  let sentence = byLang.get(lang);
  if (sentence === undefined) {
    if (fact.kind === 'quote' && fact.quote) {
      // A quote ends with its marking in brackets: closing it again would only add a stray full stop.
      const words = keyQuote(typeset(renderFactText(fact, lang), lang), lang);
      const speaker = entities.get(fact.quote.speaker)?.name[lang] ?? fact.quote.speaker;
      const marking = quoteMarkingOf(fact, lang, t);
      sentence = {
        text: t('digest:quote', { speaker, words: words.text, marking }),
        shortened: words.shortened,
      };
    } else {
      sentence = { text: closeSentence(typeset(renderFactText(fact, lang), lang)), shortened: false };
    }
    byLang.set(lang, sentence);
  }
  return sentence;
}

/** Places a fact's sentence in a localized line and remembers where it stands. */
function claimLine(t: Translate, key: string, claim: string, factId: string, params: object): DigestLine {
  const template = t(key, { ...params, claim: CLAIM });
  const start = template.indexOf(CLAIM);
  return {
    text: `${template.slice(0, start)}${claim}${template.slice(start + 1)}`,
    claim: { factIds: [factId], start, end: start + claim.length },
  };
}

/** Who says so and as of when: the date once when the source and the fact share it. */
function citation(entry: DigestEntry, lang: Lang, t: Translate): string {
  const sourceDate = formatDate(entry.source.date, lang);
  const asOf = formatDate(entry.fact.asOf, lang);
  return sourceDate === asOf
    ? t('digest:cite', { publisher: entry.source.publisher, date: sourceDate })
    : t('digest:citeAsOf', { publisher: entry.source.publisher, date: sourceDate, asOf });
}

interface LineContext {
  lang: Lang;
  t: Translate;
  entities: ReadonlyMap<string, Entity>;
  /** Set when a quote was cut to its key sentence. */
  shortened: { any: boolean };
}

function itemLine(entry: DigestEntry, ctx: LineContext): DigestLine {
  const { fact } = entry;
  const { lang, t, entities } = ctx;
  const cite = citation(entry, lang, t);
  const change = entry.change ? t(`digest:change.${entry.change}`) : undefined;
  if (fact.status === 'retired') {
    // A retired fact's numbers are no longer backed: name what it was about, without repeating them.
    const names = fact.entities.map((id) => entities.get(id)?.name[lang] ?? id).join(', ');
    return {
      item: true,
      text: t('digest:retiredItem', {
        change: change ?? t('digest:change.retired'),
        entities: names,
        kind: t(`digest:kind.${fact.kind}`),
        asOf: formatDate(fact.asOf, lang),
      }),
    };
  }
  const sentence = sentenceOf(fact, lang, t, entities);
  if (sentence.shortened) ctx.shortened.any = true;
  const line = change
    ? claimLine(t, 'digest:changeItem', sentence.text, fact.id, { change, cite })
    : claimLine(t, 'digest:item', sentence.text, fact.id, { cite });
  return { ...line, item: true };
}

const TOPICS = 6;

/** What the bot covers — companies and subjects, not the people quoted — as the reader's language lists them. */
function topicList(data: DigestData, lang: Lang, entities: ReadonlyMap<string, Entity>): string {
  const names = (data.coverage?.topics ?? [])
    .filter((id) => entities.get(id)?.type !== 'person')
    .slice(0, TOPICS)
    .map((id) => entities.get(id)?.name[lang] ?? id);
  return listFormat(lang, { type: 'conjunction' }).format(names);
}

/**
 * Words for a digest, with at most `shown` of its items (changes, or key figures on a welcome or quiet day): a
 * title with the local date; a welcome says what the bot covers; a change day lists the changes, then counts the
 * rest with a pointer to /ask and /facts queue; a quiet day only its key figures. Every item cites its source.
 */
export function renderDigest(
  data: DigestData,
  localDate: string,
  t: Translate,
  entities: readonly Entity[],
  shown = Number.POSITIVE_INFINITY,
): RenderedDigest {
  const ctx: LineContext = {
    lang: data.lang,
    t,
    entities: new Map(entities.map((entity) => [entity.id, entity])),
    shortened: { any: false },
  };
  const items = data.kind === 'changes' ? data.bullets : data.keyFigures;
  const lines = items.slice(0, shown).map((entry) => itemLine(entry, ctx));
  const unlisted = items.length - lines.length;
  const sections: DigestSection[] = [];
  if (data.kind === 'welcome') {
    const coverage = data.coverage ?? { figures: 0, events: 0, quotes: 0, topics: [] };
    sections.push({
      lines: [
        { text: t('digest:welcome.intro', { topics: topicList(data, data.lang, ctx.entities) }) },
        {
          text: t('digest:welcome.coverage', {
            figures: t('digest:count.figure', { count: coverage.figures }),
            events: t('digest:count.event', { count: coverage.events }),
            quotes: t('digest:count.quote', { count: coverage.quotes }),
          }),
        },
      ],
    });
    if (lines.length > 0) sections.push({ heading: t('digest:section.keyFigures'), lines });
    sections.push({ lines: [{ text: t('digest:welcome.close') }] });
  } else if (data.kind === 'changes') {
    sections.push({ heading: t('digest:section.changes'), lines });
    const rest = data.rest + unlisted;
    const closing = [{ text: rest > 0 ? t('digest:rest', { count: rest }) : t('digest:ask') }];
    if (ctx.shortened.any) closing.push({ text: t('digest:fullQuotes') });
    sections.push({ lines: closing });
  } else {
    sections.push({ lines: [{ text: t('digest:quiet') }, ...lines] });
    sections.push({ lines: [{ text: t('digest:ask') }] });
  }
  return {
    lang: data.lang,
    title: t('digest:title', { date: formatDate(localDate, data.lang) }),
    sections,
    footer: t('digest:footer'),
  };
}

/** A digest an LLM wrote: its text in place of the items (one claim backed by all their facts), then the sources. */
export function renderWrittenDigest(
  data: DigestData,
  written: string,
  localDate: string,
  t: Translate,
): RenderedDigest {
  const entries = [...data.bullets, ...data.keyFigures];
  const body = written.trim();
  const sources = entries.map((entry) =>
    t('digest:sourceItem', {
      publisher: entry.source.publisher,
      title: entry.source.title,
      sourceDate: formatDate(entry.source.date, data.lang),
      asOf: formatDate(entry.fact.asOf, data.lang),
    }),
  );
  return {
    lang: data.lang,
    title: t('digest:title', { date: formatDate(localDate, data.lang) }),
    sections: [
      {
        lines: [
          {
            // The prose stands for every item it was written from.
            item: true,
            text: body,
            claim: { factIds: entries.map((entry) => entry.fact.id), start: 0, end: body.length },
          },
        ],
      },
      { heading: t('digest:section.sources'), lines: [...new Set(sources)].map((text) => ({ text })) },
      { lines: [{ text: data.rest > 0 ? t('digest:rest', { count: data.rest }) : t('digest:ask') }] },
    ],
    footer: t('digest:footer'),
  };
}
