import { factChanges } from '../../facts/fact-changes.ts';
import type { AuditEntry } from '../../facts/schema/index.ts';
import type { CommandContext, ReplyEmbed } from '../index.ts';
import { formatTimestamp } from './dates.ts';
import { renderActor } from './names.ts';

/** The last changes to a fact, newest first: who, when, what they did, each field and value old → new, their note. */
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
      const changes = factChanges(entry.before, entry.after, lang);
      const lines = [
        t('commands:history.line', {
          seq: entry.seq,
          date: formatTimestamp(entry.at, lang),
          actor: renderActor(entry.actor),
          action: t(`commands:common.action.${entry.action}`),
          version: entry.after.version,
        }),
      ];
      const none = t('commands:history.none');
      for (const change of changes)
        lines.push(
          t('commands:history.change', {
            field: change.field,
            from: change.from ?? none,
            to: change.to ?? none,
          }),
        );
      if (entry.note) lines.push(t('commands:history.note', { note: entry.note }));
      return lines.join('\n');
    });
  return {
    title: t('commands:history.title', { id }),
    description: blocks.join('\n\n') || t('commands:history.empty'),
    footer: t('commands:history.total', { count: entries.length, shown: Math.min(shown, entries.length) }),
  };
}
