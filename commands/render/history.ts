import { changedFields } from '../../facts/changed-fields.ts';
import type { AuditEntry } from '../../facts/schema/index.ts';
import type { CommandContext, ReplyEmbed } from '../index.ts';
import { formatTimestamp } from './dates.ts';
import { renderActor } from './names.ts';

/** The last changes to a fact, newest first: who, when, what they did, which fields moved, and their note. */
export function renderHistory(
  id: string,
  entries: readonly AuditEntry[],
  ctx: CommandContext,
  shown = 10,
): ReplyEmbed {
  const { t, lang } = ctx;
  const blocks = entries
    .slice(-shown)
    .reverse()
    .map((entry) => {
      const fields = changedFields(entry.before, entry.after);
      const lines = [
        t('commands:history.line', {
          seq: entry.seq,
          date: formatTimestamp(entry.at, lang),
          actor: renderActor(entry.actor),
          action: t(`commands:common.action.${entry.action}`),
          version: entry.after.version,
        }),
      ];
      if (fields.length) lines.push(t('commands:history.fields', { fields: fields.join(', ') }));
      if (entry.note) lines.push(t('commands:history.note', { note: entry.note }));
      return lines.join('\n');
    });
  return {
    title: t('commands:history.title', { id }),
    description: blocks.join('\n\n') || t('commands:history.empty'),
    footer: t('commands:history.total', { count: entries.length, shown: Math.min(shown, entries.length) }),
  };
}
