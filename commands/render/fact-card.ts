import { formatValue, renderFactText } from '../../facts/numbers/index.ts';
import type { Fact, FactStatus } from '../../facts/schema/index.ts';
import type { CommandContext, ReplyEmbed } from '../index.ts';
import { formatDate } from './dates.ts';
import { entitiesById, nameOf, renderActor } from './names.ts';
import { quoted, quoteMarking } from './quote.ts';
import { renderSource } from './sources.ts';
import { capLines } from './text.ts';

/** A color per status, so a draft never looks like a verified fact at a glance. */
export const STATUS_COLORS: Record<FactStatus, number> = {
  verified: 0x2e7d32,
  draft: 0xf9a825,
  retired: 0x757575,
};

/** The status line: verified by whom and when, or simply draft / retired. */
function statusLine(fact: Fact, ctx: CommandContext): string {
  const status = ctx.t(`commands:common.status.${fact.status}`);
  if (fact.status !== 'verified' || !fact.verifiedBy || !fact.verifiedAt) return status;
  return ctx.t('commands:card.verifiedBy', {
    status,
    actor: renderActor(fact.verifiedBy),
    date: formatDate(fact.verifiedAt, ctx.lang),
  });
}

/**
 * A fact as a card: its text in the reader's language (a quote between quotation marks, with its speaker and
 * whether these are the original words), each value, its sources, status, as-of date, id and version.
 */
export function renderFactCard(fact: Fact, ctx: CommandContext): ReplyEmbed {
  const { t, lang } = ctx;
  const text = renderFactText(fact, lang);
  const fields: { name: string; value: string; inline?: boolean }[] = [];
  if (fact.quote) {
    const speaker = nameOf(entitiesById(ctx), fact.quote.speaker, lang);
    fields.push({ name: t('commands:card.speaker'), value: speaker, inline: true });
    fields.push({ name: t('commands:card.wording'), value: quoteMarking(fact, lang, t), inline: true });
  }
  if (fact.values.length > 0) {
    const lines = fact.values.map((value) =>
      t('commands:card.value', { key: value.key, value: formatValue(value, lang) }),
    );
    fields.push({ name: t('commands:card.values'), value: capLines(lines, 15, t) });
  }
  const sources = fact.sources.map((source) => renderSource(source, lang, t));
  fields.push({ name: t('commands:card.sources'), value: capLines(sources, 8, t) });
  fields.push({ name: t('commands:card.status'), value: statusLine(fact, ctx), inline: true });
  fields.push({ name: t('commands:card.asOf'), value: formatDate(fact.asOf, lang), inline: true });
  fields.push({
    name: t('commands:card.id'),
    value: t('commands:card.idVersion', { id: fact.id, version: fact.version }),
  });
  return {
    title: t(`commands:common.kind.${fact.kind}`),
    description: fact.quote ? quoted(text, t) : text,
    fields,
    color: STATUS_COLORS[fact.status],
  };
}
