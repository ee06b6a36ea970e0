import type { Reply, ReplyEmbed, Translate } from '../../commands/index.ts';
import { renderEmbedMarkup, renderMarkup } from '../../commands/markup.ts';
import { PLAIN_MARKUP } from './markup.ts';

const indent = (text: string, prefix: string) => text.replace(/\n/g, `\n${prefix}`);

/** An embed as plain text: its title, description, `name: value` fields and footer. */
export function renderEmbed(neutral: ReplyEmbed, t: Translate): string {
  const embed = renderEmbedMarkup(neutral, PLAIN_MARKUP);
  const lines: string[] = [];
  if (embed.title) lines.push(embed.title, '─'.repeat(Math.min(60, [...embed.title].length)));
  if (embed.description) lines.push(embed.description);
  for (const field of embed.fields ?? []) {
    // The separator is typographic: French puts a space before the colon.
    const value = field.value.includes('\n') ? `\n  ${indent(field.value, '  ')}` : field.value;
    lines.push(t('console:field', { name: field.name, value }));
  }
  if (embed.footer) lines.push(`— ${embed.footer}`);
  return lines.join('\n');
}

/** A reply as the console prints it; an ephemeral one is marked as seen only by the asker. */
export function renderReply(reply: Reply, t: Translate): string {
  const body = [
    ...(reply.content ? [renderMarkup(reply.content, PLAIN_MARKUP)] : []),
    ...(reply.embeds ?? []).map((embed) => renderEmbed(embed, t)),
    ...(reply.buttons ?? []).map((button) =>
      t('console:button', { label: button.label, customId: button.customId }),
    ),
  ].join('\n\n');
  return reply.ephemeral ? `${t('console:ephemeral')}\n${body}` : body;
}
