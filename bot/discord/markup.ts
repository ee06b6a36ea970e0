import type { MarkupStyle } from '../../commands/markup.ts';

/** The neutral tokens as Discord writes them; the allowed mentions of every message keep them from pinging. */
export const DISCORD_MARKUP: MarkupStyle = {
  user: (id) => `<@${id}>`,
  channel: (id) => `<#${id}>`,
  role: (id) => `<@&${id}>`,
  bold: (text) => `**${text}**`,
  link: (title, url) => `[${title}](${url})`,
};
