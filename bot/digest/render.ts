import type { Translate } from '../../commands/index.ts';
import { formatDate as formatDay } from '../../commands/render/dates.ts';
import { closeSentence, renderFactSentence } from '../../facts/answer/index.ts';
import { CHANGE_KINDS, type DigestData, type DigestEntry } from '../../facts/digest/index.ts';
import type { Entity, Fact, Lang } from '../../facts/schema/index.ts';
import type { CheckedNumber } from '../../facts/verify/types.ts';

/** A line of a digest. `claim` is the part of `text` written from facts (`factIds`): what the verifier must back. */
export interface DigestLine {
  text: string;
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

/** Sentences already rendered, per fact object (a snapshot's facts are never mutated) and language. */
const sentences = new WeakMap<Fact, Map<Lang, string>>();

function sentenceOf(fact: Fact, lang: Lang, t: Translate, entities: ReadonlyMap<string, Entity>): string {
  let byLang = sentences.get(fact);
  if (!byLang) {
    byLang = new Map();
    sentences.set(fact, byLang);
  }
  let sentence = byLang.get(lang);
  if (sentence === undefined) {
    // A quote ends with its marking in brackets: closing it again would only add a stray full stop.
    sentence =
      fact.kind === 'quote'
        ? renderFactSentence(fact, lang, entities, t)
        : closeSentence(renderFactSentence(fact, lang, entities, t));
    byLang.set(lang, sentence);
  }
  return sentence;
}

/** Places a fact's sentence in a localized line and remembers where it stands. */
function claimLine(
  t: Translate,
  key: string,
  claim: string,
  factId: string,
  params: Record<string, unknown>,
): DigestLine {
  const template = t(key, { ...params, claim: CLAIM });
  const start = template.indexOf(CLAIM);
  return {
    text: `${template.slice(0, start)}${claim}${template.slice(start + 1)}`,
    claim: { factIds: [factId], start, end: start + claim.length },
  };
}

function itemLine(
  entry: DigestEntry,
  lang: Lang,
  t: Translate,
  entities: ReadonlyMap<string, Entity>,
): DigestLine {
  const { fact, source } = entry;
  const meta = {
    publisher: source.publisher,
    sourceDate: formatDate(source.date, lang),
    asOf: formatDate(fact.asOf, lang),
  };
  if (fact.status === 'retired') {
    // A retired fact's numbers are no longer backed: name what it was about, without repeating them.
    const names = fact.entities.map((id) => entities.get(id)?.name[lang] ?? id).join(', ');
    return {
      text: t('digest:retiredItem', { ...meta, entities: names, kind: t(`digest:kind.${fact.kind}`) }),
    };
  }
  const sentence = sentenceOf(fact, lang, t, entities);
  return claimLine(t, 'digest:item', sentence, fact.id, meta);
}

/**
 * Words for a digest: a title with the local date, one section per kind of change, the key figures (introduced as
 * such on a quiet day), and a closing line pointing to `/ask`. Every item cites its source and its "as of" date.
 */
export function renderDigest(
  data: DigestData,
  localDate: string,
  t: Translate,
  entities: readonly Entity[],
): RenderedDigest {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const sections: DigestSection[] = [];
  if (data.quiet) sections.push({ lines: [{ text: t('digest:quiet') }] });
  for (const kind of CHANGE_KINDS) {
    const entries = data.changes[kind];
    if (entries.length === 0) continue;
    const lines = entries.map((entry) => itemLine(entry, data.lang, t, byId));
    if (data.more[kind] > 0) lines.push({ text: t('digest:more', { count: data.more[kind] }) });
    sections.push({ heading: t(`digest:section.${kind}`), lines });
  }
  if (data.keyFigures.length > 0) {
    sections.push({
      heading: t('digest:section.keyFigures'),
      lines: data.keyFigures.map((entry) => itemLine(entry, data.lang, t, byId)),
    });
  }
  sections.push({ lines: [{ text: t('digest:ask') }] });
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
  const entries = [...CHANGE_KINDS.flatMap((kind) => data.changes[kind]), ...data.keyFigures];
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
            text: body,
            claim: { factIds: entries.map((entry) => entry.fact.id), start: 0, end: body.length },
          },
        ],
      },
      { heading: t('digest:section.sources'), lines: [...new Set(sources)].map((text) => ({ text })) },
      { lines: [{ text: t('digest:ask') }] },
    ],
    footer: t('digest:footer'),
  };
}
