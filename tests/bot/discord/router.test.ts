import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Command, CommandError } from '../../../commands/index.ts';
import { slowAnswerer } from '../../support/answerer-double.ts';
import type { RecordedRequest } from '../../support/fake-discord.ts';
import { type BotHarness, eventually, startBotHarness } from './harness.ts';

const MANAGE_GUILD = (1n << 5n).toString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Small commands that exercise the router one behaviour at a time. */
const commands: Command[] = [
  {
    data: { name: 'echo', options: [{ name: 'text', type: 'string', required: true }] },
    execute: async (ctx) =>
      ctx.reply({ content: `${ctx.lang}:${ctx.options.string('text')} <@${ctx.user.id}> @everyone` }),
  },
  {
    data: { name: 'slow', options: [{ name: 'ms', type: 'integer', required: true }] },
    execute: async (ctx) => {
      await sleep(ctx.options.integer('ms') ?? 0);
      await ctx.reply({ content: 'done late' });
    },
  },
  {
    data: { name: 'secret' },
    execute: async (ctx) => {
      await sleep(400);
      await ctx.reply({ content: 'for your eyes only', ephemeral: true });
    },
  },
  { data: { name: 'boom' }, execute: async () => Promise.reject(new Error('kaboom')) },
  {
    data: { name: 'fail' },
    execute: async () => Promise.reject(new CommandError('factNotFound', { id: 'nope' })),
  },
  { data: { name: 'silent' }, execute: async () => undefined },
  {
    data: { name: 'mod', moderatorOnly: true },
    execute: async (ctx) => ctx.reply({ content: 'moderated' }),
  },
  {
    data: { name: 'long' },
    execute: async (ctx) =>
      ctx.reply({
        embeds: [
          {
            title: 'T'.repeat(300),
            description: 'word '.repeat(2000),
            fields: Array.from({ length: 30 }, (_, i) => ({ name: `field ${i}`, value: 'v'.repeat(1500) })),
            footer: 'f',
          },
        ],
      }),
  },
  {
    data: { name: 'form' },
    execute: async (ctx) =>
      ctx.showModal({
        customId: 'form:42',
        title: 'A form',
        fields: [{ customId: 'comment', label: 'Comment', style: 'paragraph', value: 'old' }],
      }),
    submitModal: async (ctx, customId, fields) => ctx.reply({ content: `${customId} → ${fields.comment}` }),
  },
  {
    data: { name: 'pick', options: [{ name: 'term', type: 'string', autocomplete: true }] },
    execute: async (ctx) => ctx.reply({ content: 'picked' }),
    autocomplete: async (ctx) =>
      Array.from({ length: 40 }, (_, i) => ({
        name: `${ctx.options.focused?.value}-${i} ${'x'.repeat(120)}`,
        value: `v${i}`,
      })),
  },
];

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({
    commands,
    busyAfterMs: 300,
    services: { answerer: slowAnswerer(0) },
    fake: { guilds: [{ roles: [{ name: 'Mods' }] }] },
  });
});
afterAll(async () => {
  await bot?.cleanup();
});

const body = (request: RecordedRequest) => request.body as { type: number; data?: Record<string, unknown> };

describe('the Discord router, through the real discord.js client', () => {
  it('replies to a slash command with mentions that ping nobody', async () => {
    const callback = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'echo', options: { text: 'hi' } }),
    );
    expect(body(callback).type).toBe(4);
    expect(body(callback).data).toMatchObject({
      content: expect.stringContaining('en:hi'),
      allowed_mentions: { parse: [] },
    });
  });

  it('defers on behalf of a slow handler, then edits the deferred reply', async () => {
    const payload = bot.fake.chatInput({ name: 'slow', options: { ms: 700 } });
    const sent = Date.now();
    const callback = await bot.fake.interactAndWait(payload);
    expect(body(callback).type).toBe(5);
    expect(callback.time - sent).toBeLessThan(700);
    const edit = await bot.fake.waitForOriginalEdit(payload);
    expect(edit.body).toMatchObject({ content: 'done late', allowed_mentions: { parse: [] } });
  });

  it('keeps an ephemeral reply private when the router had to defer publicly', async () => {
    const payload = bot.fake.chatInput({ name: 'secret' });
    await bot.fake.interactAndWait(payload);
    const followUp = await bot.fake.waitForFollowUp(payload);
    expect(followUp.body).toMatchObject({ content: 'for your eyes only', flags: 64 });
    await bot.fake.waitForRequest({ method: 'DELETE', path: /messages\/@original$/ });
  });

  it('answers a crashing handler with a generic ephemeral message and logs it with the command', async () => {
    const callback = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'boom' }));
    expect(body(callback).data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    const logged = bot.logs.find((line) => line.event === 'command.crashed');
    expect(logged).toMatchObject({ level: 'error', command: 'boom' });
  });

  it('describes an expected failure from its error code, in the user’s language', async () => {
    const callback = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'fail', locale: 'fr' }));
    expect(body(callback).data).toMatchObject({ flags: 64 });
    expect(String(body(callback).data?.content)).toContain('nope');
    expect(String(body(callback).data?.content)).toMatch(/Aucun|aucun/);
  });

  it('answers for a handler that returned without replying', async () => {
    const callback = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'silent' }));
    expect(body(callback)).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(bot.logs.some((line) => line.event === 'command.noReply')).toBe(true);
  });

  it('refuses a moderator command to a plain member before the handler runs', async () => {
    const callback = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'mod' }));
    expect(body(callback).data).toMatchObject({ flags: 64 });
    expect(String(body(callback).data?.content)).toContain('Only moderators');
  });

  it('lets a member with Manage Server, or with the server’s moderator role, run it', async () => {
    const byPermission = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'mod', memberPermissions: MANAGE_GUILD }),
    );
    expect(body(byPermission).data?.content).toBe('moderated');
    const guild = bot.fake.guilds[0]!;
    const role = guild.roles.find((candidate) => candidate.name === 'Mods')!;
    await bot.settings.updateGuild(guild.id, { moderatorRoleId: role.id });
    const byRole = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'mod', roles: [role.id] }));
    expect(body(byRole).data?.content).toBe('moderated');
  });

  it('tells the next moderator, once, what went wrong unattended', async () => {
    const guild = bot.fake.guilds[0]!;
    await bot.settings.updateGuild(guild.id, { pendingNotice: 'digestChannelMissing' });
    const member = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'echo', options: { text: 'a' } }),
    );
    expect(bot.settings.getGuild(guild.id).pendingNotice).toBe('digestChannelMissing');
    const payload = bot.fake.chatInput({
      name: 'echo',
      options: { text: 'b' },
      memberPermissions: MANAGE_GUILD,
    });
    await bot.fake.interactAndWait(payload);
    const notice = await bot.fake.waitForFollowUp(payload);
    expect(notice.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    await eventually(() => bot.settings.getGuild(guild.id).pendingNotice === undefined);
    expect(body(member).data?.flags ?? 0).toBe(0);
  });

  it('splits an oversized embed into messages within Discord’s limits', async () => {
    const payload = bot.fake.chatInput({ name: 'long' });
    const callback = await bot.fake.interactAndWait(payload);
    const first = body(callback).data as { embeds: { title?: string }[] };
    expect(first.embeds[0]!.title!.length).toBeLessThanOrEqual(256);
    expect(first.embeds[0]!.title!.endsWith('…')).toBe(true);
    const followUps = await eventually(() => {
      const found = bot.fake.interactionState(payload)?.followUps ?? [];
      return found.length > 0 ? found : undefined;
    });
    for (const message of [first, ...followUps]) {
      const embeds = message.embeds as {
        title?: string;
        description?: string;
        fields?: { name: string; value: string }[];
      }[];
      const total = embeds.reduce(
        (sum, embed) =>
          sum +
          (embed.title?.length ?? 0) +
          (embed.description?.length ?? 0) +
          (embed.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
        0,
      );
      expect(total).toBeLessThanOrEqual(6000);
      expect(embeds.length).toBeLessThanOrEqual(10);
      for (const embed of embeds) expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    }
  });

  it('shows a modal, then routes its submission to the command named by the custom id prefix', async () => {
    const shown = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'form' }));
    expect(body(shown)).toMatchObject({ type: 9, data: { custom_id: 'form:42', title: 'A form' } });
    const submitted = await bot.fake.interactAndWait(
      bot.fake.modalSubmit({ customId: 'form:42', fields: { comment: 'new text' }, layout: 'label' }),
    );
    expect(body(submitted).data?.content).toBe('form:42 → new text');
  });

  it('answers autocomplete with at most 25 choices whose names fit in 100 characters', async () => {
    const callback = await bot.fake.interactAndWait(
      bot.fake.autocomplete({ name: 'pick', focused: 'term', options: { term: 'ab' } }),
    );
    const choices = (body(callback).data as { choices: { name: string }[] }).choices;
    expect(body(callback).type).toBe(8);
    expect(choices).toHaveLength(25);
    expect(choices.every((choice) => choice.name.length <= 100 && choice.name.startsWith('ab-'))).toBe(true);
  });

  it('refuses a modal, a command or an option nobody registered, and keeps serving', async () => {
    const unknownModal = await bot.fake.interactAndWait(
      bot.fake.modalSubmit({ customId: 'nothing-here', fields: {} }),
    );
    expect(body(unknownModal).data).toMatchObject({ flags: 64 });
    const unknownCommand = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'ghost' }));
    expect(body(unknownCommand).data).toMatchObject({ flags: 64 });
    const wrongType = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'slow', options: { ms: 'soon' } }),
    );
    expect(body(wrongType).type).toBe(4);
    const after = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'echo', options: { text: 'still here' } }),
    );
    expect(String(body(after).data?.content)).toContain('still here');
  });
});
