import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadI18n } from '../../bot/i18n.ts';
import { commands } from '../../commands/registry.ts';
import { type BotHarness, startBotHarness } from '../bot/discord/harness.ts';
import type { InteractionPayload, RecordedRequest } from '../support/fake-discord.ts';
import { MANAGE_GUILD, messagesFor, SOAK, visibleText } from './support/replies.ts';

const FACT = 'iren-microsoft-deal-value';
const ROUNDS = SOAK ? 40 : 4;
const i18n = await loadI18n();

const moderators = [
  { user: { id: '310000000000000001', username: 'camille' }, locale: 'fr' as const, lang: 'fr' as const },
  { user: { id: '310000000000000002', username: 'dana' }, locale: 'en-US' as const, lang: 'en' as const },
];

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ commands, deploy: true });
});
afterAll(async () => {
  await bot?.cleanup();
});

type Modal = { custom_id: string; components: { components: { custom_id: string; value?: string }[] }[] };

/** Opens `/facts <subcommand>` as a moderator and returns the form Discord would show. */
async function openForm(
  moderator: (typeof moderators)[number],
): Promise<{ customId: string; fields: Record<string, string> }> {
  const shown: RecordedRequest = await bot.fake.interactAndWait(
    bot.fake.chatInput({
      name: 'facts',
      subcommand: 'edit',
      options: { id: FACT },
      memberPermissions: MANAGE_GUILD,
      user: moderator.user,
      locale: moderator.locale,
    }),
  );
  const modal = (shown.body as { type: number; data: Modal }).data;
  expect((shown.body as { type: number }).type).toBe(9);
  const fields = Object.fromEntries(
    modal.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value ?? '']),
  );
  return { customId: modal.custom_id, fields };
}

describe('two moderators submitting an edit of the same version at once, through Discord', () => {
  it(`lands exactly one; the other is told of the conflict in their language; history holds one edit (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const before = bot.services.store.getFact(FACT)!;
      const historyBefore = (await bot.services.store.history(FACT)).length;
      const forms = await Promise.all(moderators.map(openForm));
      // Both forms carry the version they were opened at (`facts:edit:<id>:<version>:<lang>`).
      const opened = forms.map((form) => form.customId.split(':').slice(0, 4).join(':'));
      expect(opened).toEqual([
        `facts:edit:${FACT}:${before.version}`,
        `facts:edit:${FACT}:${before.version}`,
      ]);
      const payloads: InteractionPayload[] = forms.map((form, index) => {
        const moderator = moderators[index]!;
        const fields = {
          ...form.fields,
          text_en: `${before.text.en.replace(/ \(by \w+ #\d+\)$/, '')} (by ${moderator.user.username} #${round})`,
        };
        return bot.fake.modalSubmit({
          customId: form.customId,
          fields,
          memberPermissions: MANAGE_GUILD,
          user: moderator.user,
          locale: moderator.locale,
        });
      });
      // Both submits reach the bot before either is answered.
      const callbacks = payloads.map((payload) => bot.fake.interactAndWait(payload, 5000));
      await Promise.all(callbacks);

      const after = bot.services.store.getFact(FACT)!;
      expect(after.version).toBe(before.version + 1);
      const history = await bot.services.store.history(FACT);
      expect(history).toHaveLength(historyBefore + 1);
      expect(history.at(-1)!.after.version).toBe(after.version);

      const winners = moderators.filter((moderator) =>
        after.text.en.endsWith(`(by ${moderator.user.username} #${round})`),
      );
      expect(winners).toHaveLength(1);
      for (const [index, moderator] of moderators.entries()) {
        const [message] = messagesFor(bot.fake, payloads[index]!);
        expect(message!.flags).toBe(64);
        const t = i18n.getFixedT(moderator.lang);
        const expected =
          moderator === winners[0]
            ? t('commands:facts.done.edited', { id: FACT, version: after.version })
            : t('errors:versionConflict', { id: FACT, expected: before.version, actual: after.version });
        expect(visibleText(message!)).toContain(expected);
      }
    }
  }, 60_000);

  it('lands exactly one of an edit and a verification of the same version sent at once', async () => {
    const [editor, drafter] = [moderators[0]!, moderators[1]!];
    // First a draft by someone else, so either moderator may act on it.
    const drafted = await openForm(drafter);
    const seeded = bot.services.store.getFact(FACT)!;
    await bot.fake.interactAndWait(
      bot.fake.modalSubmit({
        customId: drafted.customId,
        fields: { ...drafted.fields, text_en: `${seeded.text.en} (draft)` },
        memberPermissions: MANAGE_GUILD,
        user: drafter.user,
        locale: drafter.locale,
      }),
    );
    const start = bot.services.store.getFact(FACT)!;
    expect(start).toMatchObject({ status: 'draft', version: seeded.version + 1 });
    const form = await openForm(editor);
    const edit = bot.fake.modalSubmit({
      customId: form.customId,
      fields: { ...form.fields, text_en: `${start.text.en} (again)` },
      memberPermissions: MANAGE_GUILD,
      user: editor.user,
      locale: editor.locale,
    });
    const verify = bot.fake.chatInput({
      name: 'facts',
      subcommand: 'verify',
      options: { id: FACT, version: start.version },
      memberPermissions: MANAGE_GUILD,
      user: { id: '310000000000000009', username: 'eve' },
    });
    await Promise.all([bot.fake.interactAndWait(edit, 5000), bot.fake.interactAndWait(verify, 5000)]);
    const after = bot.services.store.getFact(FACT)!;
    expect(after.version).toBe(start.version + 1);
    const landed = after.status === 'verified' ? verify : edit;
    const refused = landed === edit ? verify : edit;
    expect((await bot.services.store.history(FACT)).at(-1)!.action).toBe(landed === edit ? 'edit' : 'verify');
    const refusedText = visibleText(messagesFor(bot.fake, refused)[0]!);
    const t = i18n.getFixedT(refused === edit ? editor.lang : 'en');
    expect(refusedText).toBe(
      t('errors:versionConflict', { id: FACT, expected: start.version, actual: after.version }),
    );
  });
});
