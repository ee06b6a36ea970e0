import type { APIEmbed } from 'discord.js';
import type { Reply, ReplyEmbed } from '../../commands/index.ts';
import { renderEmbedMarkup, renderMarkup } from '../../commands/markup.ts';
import { truncate } from '../../commands/render/text.ts';
import { DISCORD_MARKUP } from './markup.ts';

/** Discord's limits for one message and its embeds. */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  embedsPerMessage: 10,
  content: 2000,
} as const;

/** Name of a field that continues the previous one: Discord requires a non-empty name. */
const CONTINUED = '\u200b';

/** Splits a text into pieces of at most `max` characters, at a paragraph, line, sentence or word when possible. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = ['\n\n', '\n', '. ', ' ']
      .map((separator) => window.lastIndexOf(separator) + separator.length)
      .find((index) => index > max / 2);
    const at = cut ?? max;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

const sizeOf = (embed: APIEmbed): number =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

/**
 * One reply embed as Discord embeds within every limit: the title and footer are truncated with an ellipsis;
 * a long description or value, or too many fields, continue in further embeds of the same color.
 */
export function toDiscordEmbeds(neutral: ReplyEmbed): APIEmbed[] {
  // Tokens become Discord markup first, so every limit is measured on what Discord receives.
  const embed = renderEmbedMarkup(neutral, DISCORD_MARKUP);
  const color = embed.color === undefined ? {} : { color: embed.color };
  const out: APIEmbed[] = [];
  const descriptions = embed.description ? splitText(embed.description, EMBED_LIMITS.description) : [];
  const title = embed.title ? truncate(embed.title, EMBED_LIMITS.title) : undefined;
  for (const [index, description] of descriptions.entries()) {
    out.push({ ...color, ...(index === 0 && title ? { title } : {}), description });
  }
  if (out.length === 0) out.push({ ...color, ...(title ? { title } : {}) });

  for (const field of embed.fields ?? []) {
    const name = truncate(field.name.trim() || CONTINUED, EMBED_LIMITS.fieldName);
    const values = splitText(field.value.trim() || CONTINUED, EMBED_LIMITS.fieldValue);
    values.forEach((value, index) => {
      const next = { name: index === 0 ? name : CONTINUED, value, inline: field.inline ?? false };
      let last = out.at(-1)!;
      const full = (last.fields?.length ?? 0) >= EMBED_LIMITS.fields;
      // Leave room for the footer, which goes on the last embed.
      if (
        full ||
        sizeOf(last) + next.name.length + next.value.length > EMBED_LIMITS.total - EMBED_LIMITS.footer
      ) {
        last = { ...color };
        out.push(last);
      }
      last.fields = [...(last.fields ?? []), next];
    });
  }
  if (embed.footer) out.at(-1)!.footer = { text: truncate(embed.footer, EMBED_LIMITS.footer) };
  return out.filter((item) => item.title || item.description || item.fields?.length || item.footer);
}

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
}

/** A reply as one or more Discord messages: at most 10 embeds and 6000 embed characters, 2000 of text, each. */
export function toDiscordMessages(reply: Reply): DiscordMessage[] {
  const content = reply.content && renderMarkup(reply.content, DISCORD_MARKUP);
  const contents = content ? splitText(content, EMBED_LIMITS.content) : [];
  const messages: DiscordMessage[] = contents.map((content) => ({ content, embeds: [] }));
  let current: DiscordMessage | undefined = messages.at(-1);
  for (const embed of (reply.embeds ?? []).flatMap(toDiscordEmbeds)) {
    const size = current ? current.embeds.reduce((sum, item) => sum + sizeOf(item), 0) : 0;
    if (
      !current ||
      current.embeds.length >= EMBED_LIMITS.embedsPerMessage ||
      size + sizeOf(embed) > EMBED_LIMITS.total
    ) {
      current = { embeds: [] };
      messages.push(current);
    }
    current.embeds.push(embed);
  }
  return messages.length > 0 ? messages : [{ content: CONTINUED, embeds: [] }];
}
