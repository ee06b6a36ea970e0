import { escapeMarkdown } from 'discord.js';
import type { MarkupStyle } from '../../commands/markup.ts';

/**
 * The neutral tokens as Discord writes them, and every other word escaped, so only the tokens format; the allowed
 * mentions of every message keep mentions from pinging.
 */
export const DISCORD_MARKUP: MarkupStyle = {
  user: (id) => `<@${id}>`,
  channel: (id) => `<#${id}>`,
  role: (id) => `<@&${id}>`,
  bold: (text) => `**${text}**`,
  link: (title, url) => `[${title}](${url})`,
  // A moderator's `**`, `_` or `[x](y)` in a fact's text is shown as typed, never as formatting or a masked link.
  // Backticks stay: the locale files set ids and value keys in code.
  text: (words) =>
    escapeMarkdown(words, { heading: true, maskedLink: true, inlineCode: false, codeBlock: false }),
};
