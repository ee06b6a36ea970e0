import type { ReplyEmbed } from '../../commands/index.ts';
import type { Lang } from '../../facts/schema/index.ts';
import type { CheckedNumber } from '../../facts/verify/types.ts';
import { EMBED_LIMITS, splitText } from '../discord/embeds.ts';
import type { DigestLine, RenderedDigest } from './render.ts';

/** The embed color of digests. */
export const DIGEST_COLOR = 0x2b6cb0;

/**
 * The marker a digest message carries in its footer: which date, language and part it is. After a crash the
 * scheduler looks for it in the channel to learn what Discord already accepted, instead of posting again.
 */
export const digestMarker = (localDate: string, lang: Lang, part: number, parts: number): string =>
  `digest:${localDate}:${lang}:${part}/${parts}`;

/** Reads a marker back from a footer; undefined for anything else. */
export function readDigestMarker(
  footer: string | undefined,
): { localDate: string; lang: Lang; part: number; parts: number } | undefined {
  const match = footer?.match(/digest:(\d{4}-\d{2}-\d{2}):(fr|en):(\d+)\/(\d+)$/);
  if (!match) return undefined;
  return { localDate: match[1]!, lang: match[2] as Lang, part: Number(match[3]), parts: Number(match[4]) };
}

/** The most a digest message may hold in one language (title, descriptions and footer): one screen, read at a glance. */
export const DIGEST_MAX_LENGTH = 1500;

/** A message's length as Discord counts it against its embed limit: titles, descriptions and footers. */
export const messageLength = (embeds: readonly ReplyEmbed[]): number =>
  embeds.reduce(
    (sum, embed) =>
      sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.length ?? 0),
    0,
  );

/** Room kept in every message for the footer and its marker. */
const FOOTER_ROOM = 200;

/** The blocks of a section's text: its heading (bold in Discord) then its lines, each cut to fit a description. */
function blocksOf(rendered: RenderedDigest): string[][] {
  return rendered.sections.map((section) => {
    const lines = section.lines.flatMap((line: DigestLine) => splitText(line.text, EMBED_LIMITS.description));
    return section.heading ? [`**${section.heading}**`, ...lines] : lines;
  });
}

/**
 * A rendered digest as Discord messages, each within Discord's limits (4096 per description, 10 embeds and
 * 6000 characters per message): sections flow line by line into descriptions, never cut inside a line;
 * the first embed carries the title, the last embed of each message the footer with its marker.
 */
export function packDigest(rendered: RenderedDigest, localDate: string): ReplyEmbed[][] {
  const title = rendered.title.slice(0, EMBED_LIMITS.title);
  const messages: string[][] = [[]];
  let budget = EMBED_LIMITS.total - FOOTER_ROOM - title.length;
  const push = (line: string, separator: string) => {
    let message = messages.at(-1)!;
    const current = message.at(-1);
    const grown = current === undefined ? line : `${current}${separator}${line}`;
    const fitsEmbed = current !== undefined && grown.length <= EMBED_LIMITS.description;
    if (fitsEmbed && grown.length - current.length <= budget) {
      message[message.length - 1] = grown;
      budget -= grown.length - current.length;
      return;
    }
    if (message.length > 0 && (message.length >= EMBED_LIMITS.embedsPerMessage || line.length > budget)) {
      message = [];
      messages.push(message);
      budget = EMBED_LIMITS.total - FOOTER_ROOM;
    }
    message.push(line);
    budget -= line.length;
  };
  for (const block of blocksOf(rendered)) {
    for (const [index, line] of block.entries()) push(line, index === 0 ? '\n\n' : '\n');
  }
  const parts = messages.length;
  return messages.map((descriptions, index) =>
    descriptions.map((description, position): ReplyEmbed => {
      const first = index === 0 && position === 0;
      const last = position === descriptions.length - 1;
      return {
        ...(first ? { title } : {}),
        description,
        color: DIGEST_COLOR,
        ...(last
          ? { footer: `${rendered.footer} · ${digestMarker(localDate, rendered.lang, index + 1, parts)}` }
          : {}),
      };
    }),
  );
}

/** A claim's place in the plain text. */
export interface PlacedClaim {
  factIds: string[];
  start: number;
  end: number;
  /** The verifier's numbers, at their place in the plain text. */
  numbers: CheckedNumber[];
}

/** The digest as plain text (the CLI's `text`), with where each fact's sentence stands in it. */
export function plainDigest(rendered: RenderedDigest): { text: string; claims: PlacedClaim[] } {
  let text = rendered.title;
  const claims: PlacedClaim[] = [];
  for (const section of rendered.sections) {
    text += '\n';
    if (section.heading) text += `\n${section.heading}`;
    for (const line of section.lines) {
      text += '\n';
      if (line.claim) {
        const offset = text.length + line.claim.start;
        const numbers = (line.claim.numbers ?? []).map((n) => ({
          ...n,
          start: n.start + offset,
          end: n.end + offset,
        }));
        claims.push({
          factIds: line.claim.factIds,
          start: offset,
          end: text.length + line.claim.end,
          numbers,
        });
      }
      text += line.text;
    }
  }
  return { text, claims };
}
