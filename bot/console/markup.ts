import type { MarkupStyle } from '../../commands/markup.ts';

/** The neutral tokens as plain terminal text: ids stay readable, emphasis goes, a link shows its address. */
export const PLAIN_MARKUP: MarkupStyle = {
  user: (id) => `@${id}`,
  channel: (id) => `#${id}`,
  role: (id) => `@${id}`,
  bold: (text) => text,
  link: (title, url) => `${title} <${url}>`,
};
