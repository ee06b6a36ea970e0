import { describe, expect, it } from 'vitest';
import { EMBED_LIMITS, splitText, toDiscordEmbeds, toDiscordMessages } from '../../../bot/discord/embeds.ts';
import { markup } from '../../../commands/markup.ts';
import { truncate } from '../../../commands/render/text.ts';

const sizeOf = (embed: ReturnType<typeof toDiscordEmbeds>[number]) =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

describe('replies as Discord embeds', () => {
  it('truncates a long title with an ellipsis and never cuts an emoji in half', () => {
    const title = truncate(`${'a'.repeat(254)}😀😀`, EMBED_LIMITS.title);
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  it('leaves texts within the limits untouched', () => {
    const embeds = toDiscordEmbeds({
      title: 'Title',
      description: 'Body',
      fields: [{ name: 'n', value: 'v' }],
      footer: 'f',
    });
    expect(embeds).toEqual([
      {
        title: 'Title',
        description: 'Body',
        fields: [{ name: 'n', value: 'v', inline: false }],
        footer: { text: 'f' },
      },
    ]);
  });

  it('continues a long description in a further embed, cut between words', () => {
    const description = 'mot '.repeat(1500).trim();
    const embeds = toDiscordEmbeds({ title: 'T', description });
    expect(embeds).toHaveLength(2);
    expect(embeds[1]!.title).toBeUndefined();
    expect(embeds.every((embed) => (embed.description?.length ?? 0) <= 4096)).toBe(true);
    expect(embeds.map((embed) => embed.description).join(' ')).toBe(description);
  });

  it('splits a field value longer than 1024 characters over continuation fields', () => {
    const [embed] = toDiscordEmbeds({ fields: [{ name: 'Source', value: 'x '.repeat(800) }] });
    expect(embed!.fields!.length).toBe(2);
    expect(embed!.fields!.every((field) => field.value.length <= 1024 && field.name.length > 0)).toBe(true);
  });

  it('keeps each message within 10 embeds and 6000 characters, the footer on the last embed', () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(900) }));
    const messages = toDiscordMessages({ embeds: [{ title: 'Big', fields, footer: 'the end' }] });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(10);
      expect(message.embeds.reduce((sum, embed) => sum + sizeOf(embed), 0)).toBeLessThanOrEqual(6000);
      for (const embed of message.embeds) expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    }
    const all = messages.flatMap((message) => message.embeds);
    expect(all.at(-1)!.footer).toEqual({ text: 'the end' });
    expect(all.flatMap((embed) => embed.fields ?? []).length).toBe(60);
  });

  it('splits text content over 2000 characters into several messages at line breaks', () => {
    const content = Array.from({ length: 100 }, (_, i) => `line ${i} ${'z'.repeat(40)}`).join('\n');
    const messages = toDiscordMessages({ content });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((message) => (message.content?.length ?? 0) <= 2000)).toBe(true);
    expect(messages.map((message) => message.content).join('\n')).toBe(content);
  });

  it('splits at a hard limit when a text has no break at all', () => {
    expect(splitText('y'.repeat(250), 100).map((piece) => piece.length)).toEqual([100, 100, 50]);
  });

  it('writes the neutral tokens as Discord markup before measuring any limit', () => {
    const [message] = toDiscordMessages({
      content: `${markup.bold('Saved')} by ${markup.user('222222222222222222')}`,
      embeds: [
        {
          title: markup.bold('Settings'),
          fields: [{ name: 'Channel', value: markup.channel('666666666666666666') }],
          footer: markup.link('Source', 'https://example.com'),
        },
      ],
    });
    expect(message?.content).toBe('**Saved** by <@222222222222222222>');
    expect(message?.embeds[0]).toMatchObject({
      title: '**Settings**',
      fields: [{ name: 'Channel', value: '<#666666666666666666>' }],
      footer: { text: '[Source](https://example.com)' },
    });
  });
});

describe('a moderator’s Markdown in a fact’s text', () => {
  const typed = 'Bitfarms **doubled** its _capacity_ ~~soon~~ [details](https://example.com/x) `code`';

  it('reaches Discord escaped, shown as typed, while the bot’s own emphasis still formats', () => {
    const [embed] = toDiscordEmbeds({ title: markup.bold('Fact'), description: typed });
    expect(embed?.title).toBe('**Fact**');
    expect(embed?.description).toBe(
      'Bitfarms \\*\\*doubled\\*\\* its \\_capacity\\_ \\~\\~soon\\~\\~ \\[details](https://example.com/x) `code`',
    );
  });

  it('escapes the words inside a token too, but not the token itself', () => {
    const [message] = toDiscordMessages({
      content: `${markup.bold('a*b')} ${markup.user('123456789012345678')}`,
    });
    expect(message?.content).toBe('**a\\*b** <@123456789012345678>');
  });
});
