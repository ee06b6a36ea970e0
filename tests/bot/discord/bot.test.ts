import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/registry.ts';
import { slowAnswerer } from '../../support/answerer-double.ts';
import type { RecordedRequest } from '../../support/fake-discord.ts';
import { type BotHarness, eventually, startBotHarness } from './harness.ts';

const MANAGE_GUILD = (1n << 5n).toString();
const FACT = 'iren-microsoft-deal-value';

type Callback = { type: number; data?: Record<string, unknown> };
const body = (request: RecordedRequest) => request.body as Callback;
const text = (data: Record<string, unknown> | undefined) => JSON.stringify(data ?? {});

/** The answerer in use; a test may slow it down (a stand-in for a slow LLM round trip). */
let answerDelayMs = 0;

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({
    commands,
    deploy: true,
    services: (base) => {
      let real: import('../../../facts/answer/types.ts').Answerer | undefined;
      return {
        answerer: {
          answer: async (request) => {
            real ??= (await import('../../../bot/answerer.ts')).composeAnswerer(
              base.store,
              base.search,
              await (await import('../../../bot/i18n.ts')).loadI18n(),
              { BRIEFING_LLM_USER_PER_HOUR: 20, BRIEFING_LLM_GLOBAL_PER_MINUTE: 30 } as never,
              base.log as never,
              undefined,
            );
            return answerDelayMs ? slowAnswerer(answerDelayMs, real).answer(request) : real.answer(request);
          },
        },
      };
    },
  });
});
afterAll(async () => {
  await bot?.cleanup();
});

describe('the bot end to end, real discord.js client against the Discord stand-in', () => {
  it('registered every command with French and English localizations', () => {
    const registered = bot.fake.commands();
    expect(registered.map((command) => command.name)).toEqual(commands.map((command) => command.data.name));
    expect(
      registered.every(
        (command) => command.description_localizations?.fr && command.description_localizations['en-US'],
      ),
    ).toBe(true);
  });

  it('answers /ask in English for an English client and in French for a French one', async () => {
    const question = 'How much is the IREN Microsoft deal worth?';
    const english = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'ask', options: { question }, locale: 'en-US' }),
    );
    const french = await bot.fake.interactAndWait(
      bot.fake.chatInput({
        name: 'ask',
        options: { question: 'Combien vaut le contrat entre IREN et Microsoft ?' },
        locale: 'fr',
      }),
    );
    expect(body(english).type).toBe(4);
    expect(text(body(english).data)).toMatch(/9[.,]7/);
    expect(text(body(french).data)).toMatch(/9,7/);
    expect(text(body(english).data)).toMatch(/billion/i);
    expect(text(body(french).data)).toMatch(/milliard/i);
    for (const reply of [english, french])
      expect(body(reply).data).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('follows a user’s /lang choice over the client’s locale', async () => {
    const user = { id: '345678901234567890', username: 'bob' };
    await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'lang', options: { value: 'fr' }, locale: 'en-US', user }),
    );
    expect(bot.services.settings.getUserLang(user.id)).toBe('fr');
    const reply = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'sources', locale: 'en-US', user }),
    );
    const french = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'sources', locale: 'fr' }));
    expect(text(body(reply).data)).toBe(text(body(french).data));
  });

  it('completes fact ids as they are typed', async () => {
    const callback = await bot.fake.interactAndWait(
      bot.fake.autocomplete({ name: 'fact', focused: 'query', options: { query: 'iren micro' } }),
    );
    const choices = (body(callback).data as { choices: { name: string; value: string }[] }).choices;
    expect(body(callback).type).toBe(8);
    expect(choices.map((choice) => choice.value)).toContain(FACT);
  });

  it('shows a fact card for /fact', async () => {
    const callback = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'fact', options: { query: FACT } }),
    );
    expect(body(callback).type).toBe(4);
    expect((body(callback).data?.embeds as unknown[] | undefined)?.length ?? 0).toBeGreaterThan(0);
  });

  it('refuses /facts edit to a member, ephemerally, before any form', async () => {
    const callback = await bot.fake.interactAndWait(
      bot.fake.chatInput({ name: 'facts', subcommand: 'edit', options: { id: FACT } }),
    );
    expect(body(callback)).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(text(body(callback).data)).toContain('Only moderators');
    expect(bot.logs.some((line) => line.event === 'command.refused' && line.command === 'facts')).toBe(true);
    expect(bot.services.store.getFact(FACT)?.version).toBe(1);
  });

  it('lands a moderator’s edit through the form, then refuses a second submit of the same stale form', async () => {
    const before = bot.services.store.getFact(FACT)!;
    const shown = await bot.fake.interactAndWait(
      bot.fake.chatInput({
        name: 'facts',
        subcommand: 'edit',
        options: { id: FACT },
        memberPermissions: MANAGE_GUILD,
      }),
    );
    const modal = body(shown).data as {
      custom_id: string;
      components: { components: { custom_id: string; value?: string }[] }[];
    };
    expect(body(shown).type).toBe(9);
    const fields = Object.fromEntries(
      modal.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value ?? '']),
    );
    fields.text_en = `${fields.text_en} (checked)`;
    const submit = () =>
      bot.fake.interactAndWait(
        bot.fake.modalSubmit({ customId: modal.custom_id, fields, memberPermissions: MANAGE_GUILD }),
      );
    const landed = await submit();
    expect(body(landed).data).toMatchObject({ flags: 64 });
    const after = bot.services.store.getFact(FACT)!;
    expect(after.version).toBe(before.version + 1);
    expect(after.text.en).toContain('(checked)');
    const conflict = await submit();
    expect(body(conflict).data).toMatchObject({ flags: 64 });
    expect(text(body(conflict).data)).not.toBe(text(body(landed).data));
    expect(bot.logs.filter((line) => line.event === 'command.failed').at(-1)).toMatchObject({
      command: 'facts',
      code: 'versionConflict',
    });
    expect(bot.services.store.getFact(FACT)!.version).toBe(after.version);
  });

  it('acknowledges a slow answer within 3 seconds, then edits in the answer', async () => {
    answerDelayMs = 3200;
    try {
      const payload = bot.fake.chatInput({
        name: 'ask',
        options: { question: 'How much is the IREN Microsoft deal worth?' },
      });
      const sent = Date.now();
      const deferral = await bot.fake.interactAndWait(payload, 3000);
      expect(body(deferral).type).toBe(5);
      expect(deferral.time - sent).toBeLessThan(3000);
      const edit = await bot.fake.waitForOriginalEdit(payload, 5000);
      expect(edit.time - sent).toBeGreaterThanOrEqual(3200);
      expect(JSON.stringify(edit.body)).toMatch(/9[.,]7/);
    } finally {
      answerDelayMs = 0;
    }
  });

  it('waits out a REST 429 with retry-after, then delivers the reply', async () => {
    const payload = bot.fake.chatInput({ name: 'sources' });
    const callbackPath = `/interactions/${payload.id}/${payload.token}/callback`;
    bot.fake.failNext({ method: 'POST', path: callbackPath }, { status: 429, retryAfter: 0.3 });
    const sent = Date.now();
    bot.fake.interact(payload);
    const attempts = () => bot.fake.requests.filter((request) => request.path === callbackPath);
    const delivered = await eventually(() => attempts().find((request) => request.status === 204), 3000);
    expect(attempts().map((request) => request.status)).toEqual([429, 204]);
    expect(delivered.time - sent).toBeGreaterThanOrEqual(300);
    expect(body(delivered).type).toBe(4);
  });

  it('answers a malformed form submission with an ephemeral error and keeps serving', async () => {
    const bad = await bot.fake.interactAndWait(
      bot.fake.modalSubmit({ customId: 'facts:edit', fields: {}, memberPermissions: MANAGE_GUILD }),
    );
    expect(body(bad).data).toMatchObject({ flags: 64 });
    const next = await bot.fake.interactAndWait(bot.fake.chatInput({ name: 'sources' }));
    expect(body(next).type).toBe(4);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const code = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(bot.client.isReady()).toBe(false);
    expect(bot.logs.map((line) => line.event)).toEqual(
      expect.arrayContaining(['bot.stopping', 'bot.stopped']),
    );
  });
});
