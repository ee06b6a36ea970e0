import type { Reply, ReplyEmbed } from './index.ts';

/**
 * Mentions, emphasis and links as neutral tokens: `commands/` and the locale files write these, and each transport
 * renders them (Discord markup on Discord, plain text in the console and the CLI). Delimited by ⟦ ⟧, which neither
 * Discord nor a reader writes, so a token left unrendered shows as the bug it is.
 */
export const markup = {
  user: (id: string) => `⟦user:${id}⟧`,
  channel: (id: string) => `⟦channel:${id}⟧`,
  role: (id: string) => `⟦role:${id}⟧`,
  bold: (text: string) => `⟦b⟧${text}⟦/b⟧`,
  link: (title: string, url: string) => `⟦link:${url}⟧${title}⟦/link⟧`,
} as const;

/** How one transport writes each token. */
export interface MarkupStyle {
  user(id: string): string;
  channel(id: string): string;
  role(id: string): string;
  bold(text: string): string;
  link(title: string, url: string): string;
  /** Words that are not a token (a moderator's fact text, an answer): escaped where the transport reads markup. */
  text?(words: string): string;
}

const TOKEN = /⟦(user|channel|role):([^⟧]*)⟧|⟦b⟧([\s\S]*?)⟦\/b⟧|⟦link:([^⟧]*)⟧([\s\S]*?)⟦\/link⟧/g;

/** A text with its tokens written in one transport's style; the words between them go through `style.text`. */
export function renderMarkup(text: string, style: MarkupStyle): string {
  const plain = style.text ?? ((words: string) => words);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [token, kind, id, bold, url, title] = match as unknown as [
      string,
      'user' | 'channel' | 'role' | undefined,
      string | undefined,
      string | undefined,
      string | undefined,
      string | undefined,
    ];
    out += plain(text.slice(last, match.index));
    if (kind) out += style[kind](id!);
    else if (bold !== undefined) out += style.bold(plain(bold));
    else out += style.link(plain(title!), url!);
    last = match.index + token.length;
  }
  return out + plain(text.slice(last));
}

/** Every text of an embed (title, description, fields, footer) with its tokens rendered. */
export function renderEmbedMarkup(embed: ReplyEmbed, style: MarkupStyle): ReplyEmbed {
  const render = (text: string) => renderMarkup(text, style);
  return {
    ...embed,
    ...(embed.title === undefined ? {} : { title: render(embed.title) }),
    ...(embed.description === undefined ? {} : { description: render(embed.description) }),
    ...(embed.fields
      ? { fields: embed.fields.map((f) => ({ ...f, name: render(f.name), value: render(f.value) })) }
      : {}),
    ...(embed.footer === undefined ? {} : { footer: render(embed.footer) }),
  };
}

/** A whole reply, content and embeds, with its tokens rendered. */
export const renderReplyMarkup = (reply: Reply, style: MarkupStyle): Reply => ({
  ...reply,
  ...(reply.content === undefined ? {} : { content: renderMarkup(reply.content, style) }),
  ...(reply.embeds ? { embeds: reply.embeds.map((embed) => renderEmbedMarkup(embed, style)) } : {}),
});
