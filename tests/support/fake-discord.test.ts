import { EventEmitter, once } from 'node:events';
import {
  Client,
  DiscordAPIError,
  Events,
  HTTPError,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  Routes,
  type TextChannel,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './fake-discord.ts';

// A malformed payload surfaces as an unhandled rejection inside @discordjs/ws; keep it from killing the run.
const unhandled: unknown[] = [];
const keepUnhandled = (reason: unknown) => unhandled.push(reason);
/** Errors the test bot's Discord calls threw, for tests that expect one. */
const botErrors = new EventEmitter();

const COMMANDS = [
  {
    name: 'echo',
    description: 'Repeats the text',
    descriptionLocalizations: { fr: 'Répète le texte' },
    options: [{ type: 3, name: 'text', description: 'Text', required: true, autocomplete: true }],
  },
  { name: 'slow', description: 'Defers then edits' },
  { name: 'feedback', description: 'Opens a modal' },
  { name: 'announce', description: 'Posts in the channel' },
  { name: 'late', description: 'Answers after a pause' },
  {
    name: 'count',
    description: 'Reads typed options',
    options: [
      { type: 10, name: 'amount', description: 'A number', required: true },
      { type: 7, name: 'where', description: 'A channel' },
    ],
  },
];

/** A tiny bot covering every way of answering an interaction. */
async function answer(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused());
    await interaction.respond(
      ['hello', 'help', 'world'].filter((w) => w.startsWith(typed)).map((w) => ({ name: w, value: w })),
    );
  } else if (interaction.isModalSubmit()) {
    await interaction.reply(`thanks: ${interaction.fields.getTextInputValue('comment')}`);
  } else if (interaction.isChatInputCommand()) {
    const name = interaction.commandName;
    if (name === 'echo') {
      const where = interaction.inGuild() ? interaction.guild?.name : 'dm';
      await interaction.reply(
        `${interaction.options.getString('text', true)} (${interaction.locale}, ${where})`,
      );
    } else if (name === 'slow') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply(`done for ${interaction.user.username}`);
    } else if (name === 'feedback') {
      const modal = new ModalBuilder().setCustomId('feedback').setTitle('Feedback');
      modal.addLabelComponents((label) =>
        label
          .setLabel('Comment')
          .setTextInputComponent((input) => input.setCustomId('comment').setStyle(TextInputStyle.Short)),
      );
      await interaction.showModal(modal);
    } else if (name === 'announce') {
      await (interaction.channel as TextChannel).send('announcement!');
      await interaction.reply('sent');
    } else if (name === 'count') {
      const where = interaction.options.getChannel('where');
      await interaction.reply(`${interaction.options.getNumber('amount', true)} in ${where?.name}`);
    } else if (name === 'late') {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await interaction.reply('too late');
    }
  }
}

async function loginTo(fake: FakeDiscord): Promise<Client> {
  const client = new Client(fake.clientOptions());
  client.on(Events.Error, (error) => botErrors.emit('error', error));
  client.on(Events.InteractionCreate, (interaction) => {
    answer(interaction).catch((error: unknown) => botErrors.emit('error', error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login('fake-token');
  await ready;
  return client;
}

let fake: FakeDiscord;
let client: Client;

beforeAll(async () => {
  process.on('unhandledRejection', keepUnhandled);
  fake = await startFakeDiscord({
    guilds: [
      { name: 'Salon FR', preferredLocale: 'fr', channels: [{ name: 'general' }, { name: 'digest' }] },
      { name: 'Second', channels: [{ name: 'lobby' }] },
    ],
  });
  client = await loginTo(fake);
  await client.application?.commands.set(COMMANDS);
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
  process.off('unhandledRejection', keepUnhandled);
  expect(unhandled).toEqual([]);
});

describe('fake Discord with the real discord.js client', () => {
  it('brings the client to clientReady with every configured guild available', () => {
    const [first, second] = fake.guilds;
    const guild = client.guilds.cache.get(first?.id ?? '');
    expect(guild?.available).toBe(true);
    expect(guild?.preferredLocale).toBe('fr');
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['digest', 'general']);
    expect(client.guilds.cache.get(second?.id ?? '')?.name).toBe('Second');
    expect(fake.gatewayFrames[0]?.op).toBe(2);
  });

  it('stores registered commands with their localizations and ids', () => {
    const echo = fake.commands().find((c) => c.name === 'echo');
    expect(echo?.description_localizations).toEqual({ fr: 'Répète le texte' });
    expect(client.application?.commands.cache.get(echo?.id ?? '')?.name).toBe('echo');
  });

  it('rejects a command whose localization key is not a Discord locale', async () => {
    const bad = [{ name: 'bad', description: 'x', descriptionLocalizations: { 'fr-FR': 'x' } }];
    const guildId = fake.guilds[0]?.id ?? '';
    const error = await client.application?.commands.set(bad as never, guildId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).message).toContain('description_localizations.fr-FR');
  });

  it('delivers a reply as a type-4 callback carrying the content', async () => {
    const callback = await fake.interactAndWait(
      fake.chatInput({ name: 'echo', options: { text: 'hi' }, locale: 'fr' }),
    );
    expect(callback.status).toBe(204);
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'hi (fr, Salon FR)' } });
  });

  it('answers a direct-message interaction outside any guild', async () => {
    const callback = await fake.interactAndWait(
      fake.chatInput({ name: 'echo', options: { text: 'psst' }, guildId: null }),
    );
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'psst (en-US, dm)' } });
  });

  it('types options as the registered command declares them and resolves channel options', async () => {
    const digest = fake.guilds[0]?.channels[1]?.id ?? '';
    const payload = fake.chatInput({ name: 'count', options: { amount: 3, where: digest } });
    expect((await fake.interactAndWait(payload)).body).toMatchObject({ data: { content: '3 in digest' } });
  });

  it('delivers deferReply then editReply as a type-5 callback and a PATCH of @original', async () => {
    const payload = fake.chatInput({ name: 'slow' });
    const edit = fake.waitForOriginalEdit(payload);
    const callback = await fake.interactAndWait(payload);
    expect(callback.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect((await edit).body).toMatchObject({ content: 'done for alice' });
    expect(fake.interactionState(payload)?.original?.content).toBe('done for alice');
  });

  it('delivers autocomplete choices filtered by the focused option', async () => {
    const payload = fake.autocomplete({ name: 'echo', options: { text: 'he' }, focused: 'text' });
    const callback = await fake.interactAndWait(payload);
    expect(callback.body).toEqual({
      type: 8,
      data: {
        choices: [
          { name: 'hello', value: 'hello' },
          { name: 'help', value: 'help' },
        ],
      },
    });
  });

  it.each(['label', 'actionRow'] as const)(
    'shows a modal and reads its submission (%s layout)',
    async (layout) => {
      const shown = await fake.interactAndWait(fake.chatInput({ name: 'feedback' }));
      expect(shown.body).toMatchObject({ type: 9, data: { custom_id: 'feedback', title: 'Feedback' } });
      const submitted = fake.modalSubmit({ customId: 'feedback', fields: { comment: 'great bot' }, layout });
      expect((await fake.interactAndWait(submitted)).body).toMatchObject({
        type: 4,
        data: { content: 'thanks: great bot' },
      });
    },
  );

  it('stores channel.send messages and serves them newest first to messages.fetch', async () => {
    const channelId = fake.guilds[0]?.channels[1]?.id ?? '';
    fake.seedMessage(channelId, { content: 'before the crash', timestamp: '2025-06-01T08:00:00.000Z' });
    await fake.interactAndWait(fake.chatInput({ name: 'announce', channelId }));
    const posted = await fake.waitForRequest({ method: 'POST', path: `/channels/${channelId}/messages` });
    expect(posted.body).toMatchObject({ content: 'announcement!' });
    expect(posted.headers.authorization).toBe('Bot fake-token');
    const channel = (await client.channels.fetch(channelId)) as TextChannel;
    const fetched = await channel.messages.fetch({ limit: 3 });
    expect([...fetched.values()].map((m) => m.content)).toEqual([
      'sent',
      'announcement!',
      'before the crash',
    ]);
  });

  it('records the payload_json and file parts of a multipart request', async () => {
    const channel = client.channels.cache.get(fake.guilds[0]?.channels[0]?.id ?? '') as TextChannel;
    await channel.send({
      content: 'with file',
      files: [{ attachment: Buffer.from('hello'), name: 'facts.txt' }],
    });
    const posted = fake.requests.at(-1);
    expect(posted?.body).toMatchObject({ content: 'with file' });
    expect(posted?.files).toEqual([
      { field: 'files[0]', filename: 'facts.txt', size: 5, contentType: expect.any(String) },
    ]);
  });

  it('makes the client wait out a 429 with retry-after, then succeed', async () => {
    const channel = client.channels.cache.get(fake.guilds[0]?.channels[0]?.id ?? '') as TextChannel;
    const path = `/channels/${channel.id}/messages`;
    fake.failNext({ method: 'POST', path }, { status: 429, retryAfter: 0.3 });
    const started = Date.now();
    const message = await channel.send('after the limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(message.content).toBe('after the limit');
    expect(fake.requests.filter((r) => r.path === path && r.time >= started).map((r) => r.status)).toEqual([
      429, 200,
    ]);
  });

  it('turns an unknown channel into DiscordAPIError 10003', async () => {
    const error = await client.rest
      .post(Routes.channelMessages('123456789012345678'), { body: { content: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10003);
    expect((error as DiscordAPIError).status).toBe(404);
  });

  it('fails with HTTPError 500 when a server error is injected and retries are off', async () => {
    const channel = client.channels.cache.get(fake.guilds[0]?.channels[0]?.id ?? '') as TextChannel;
    fake.failNext({ path: `/channels/${channel.id}/messages` }, { status: 500 });
    const error = await channel.send('boom').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(500);
  });

  it('delays the answer by an injected delayMs', async () => {
    const channel = client.channels.cache.get(fake.guilds[0]?.channels[0]?.id ?? '') as TextChannel;
    fake.failNext({ method: 'POST', path: `/channels/${channel.id}/messages` }, { delayMs: 120 });
    const started = Date.now();
    await channel.send('slowly');
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('turns an injected 403 into DiscordAPIError 50013 Missing Permissions', async () => {
    const channel = client.channels.cache.get(fake.guilds[0]?.channels[0]?.id ?? '') as TextChannel;
    fake.failNext((r) => r.path === `/channels/${channel.id}/messages`, { status: 403, code: 50013 });
    const error = await channel.send('forbidden').catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50013);
    expect((error as DiscordAPIError).message).toBe('Missing Permissions');
  });

  it('resumes after a server-side close with code 4000 and keeps answering', async () => {
    const since = fake.gatewayFrames.length;
    fake.disconnect(4000);
    await fake.waitForGatewayOp(6, 2000, since);
    const callback = await fake.interactAndWait(fake.chatInput({ name: 'echo', options: { text: 'back' } }));
    expect(callback.body).toMatchObject({ data: { content: 'back (en-US, Salon FR)' } });
    expect(fake.gatewayFrames.slice(since).some((frame) => frame.op === 2)).toBe(false);
  });
});

describe('fake Discord lifecycle', () => {
  it('refuses a reply sent after the reply deadline with Unknown interaction', async () => {
    const quick = await startFakeDiscord({ replyDeadlineMs: 50 });
    const bot = await loginTo(quick);
    try {
      const failed = once(botErrors, 'error');
      quick.interact(quick.chatInput({ name: 'late' }));
      const [error] = (await failed) as [DiscordAPIError];
      expect(error.code).toBe(10062);
    } finally {
      await bot.destroy();
      await quick.close();
    }
  });

  it('leaves no socket, server or timer running after client.destroy() and close()', async () => {
    const count = () => process.getActiveResourcesInfo().filter((r) => /TCP|Timeout/.test(r)).length;
    const before = count();
    const other = await startFakeDiscord({ heartbeatIntervalMs: 50 });
    const bot = await loginTo(other);
    await other.waitForGatewayOp(1);
    expect(count()).toBeGreaterThan(before);
    await bot.destroy();
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(count()).toBeLessThanOrEqual(before);
  });
});
