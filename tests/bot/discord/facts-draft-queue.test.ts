import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/registry.ts';
import type { RecordedRequest } from '../../support/fake-discord.ts';
import { type BotHarness, startBotHarness } from './harness.ts';

const MANAGE_GUILD = (1n << 5n).toString();
const ARTICLE = readFileSync(
  resolve(import.meta.dirname, '../../facts/draft/fixtures/galaxy-helios-en.txt'),
  'utf8',
);
const ANA = { id: '111111111111111111', username: 'ana' };
const BRUNO = { id: '222222222222222222', username: 'bruno' };

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ commands, deploy: true });
});
afterAll(() => bot.cleanup());

/** What the user finally sees: the deferred reply's edit, or the immediate reply. */
async function replyTo(payload: ReturnType<BotHarness['fake']['chatInput']>): Promise<string> {
  const first = await bot.fake.interactAndWait(payload, 5000);
  const data =
    (first.body as { type: number; data?: unknown }).type === 5
      ? (await bot.fake.waitForOriginalEdit(payload, 8000)).body
      : (first.body as { data?: unknown }).data;
  return JSON.stringify(data);
}

describe('/facts draft and /facts queue on Discord', () => {
  it('drafts a pasted article as drafts by the moderator, holding back the repeat of a stored fact', async () => {
    const reply = await replyTo(
      bot.fake.chatInput({
        name: 'facts',
        subcommand: 'draft',
        options: { text: ARTICLE, language: 'en' },
        memberPermissions: MANAGE_GUILD,
        user: ANA,
      }),
    );
    expect(reply).toContain('iren-microsoft-deal-value');
    const drafts = bot.services.store.listFacts({ status: 'draft' });
    expect(drafts.length).toBeGreaterThanOrEqual(6);
    for (const fact of drafts) expect(fact).toMatchObject({ createdBy: ANA.id, status: 'draft' });
    expect(bot.services.store.listEntities().find((entity) => entity.id === 'coreweave')).toMatchObject({
      status: 'draft',
    });
  });

  it('lists what waits for a second moderator, oldest first, with its sentence, values and proposer', async () => {
    const reply = await replyTo(
      bot.fake.chatInput({
        name: 'facts',
        subcommand: 'queue',
        memberPermissions: MANAGE_GUILD,
        user: BRUNO,
      }),
    );
    expect(reply).toContain('galaxy-digital-net-loss-2025-q3');
    expect(reply).toContain('$295 million');
    expect(reply).toContain('The company also reported a net loss of $295 million');
    expect(reply).toContain(`<@${ANA.id}>`);
    expect(reply).toContain('coreweave');
    const mentions = (JSON.parse(reply) as { allowed_mentions?: { parse?: unknown[] } }).allowed_mentions;
    expect(mentions?.parse ?? []).toEqual([]);
  });

  it('verifies, rejects and pages through the queue with its buttons, never by the proposer', async () => {
    const queue = await bot.fake.interactAndWait(
      bot.fake.chatInput({
        name: 'facts',
        subcommand: 'queue',
        memberPermissions: MANAGE_GUILD,
        user: BRUNO,
      }),
    );
    const buttons = (
      queue.body as { data: { components: { components: { custom_id: string }[] }[] } }
    ).data.components[0]!.components.map((button) => button.custom_id);
    const verify = buttons.find((id) => id.startsWith('facts:q:verify:'))!;
    const [, , , id] = verify.split(':');
    expect(buttons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^facts:q:open:/),
        expect.stringMatching(/^facts:q:next:1$/),
      ]),
    );
    const own = await bot.fake.interactAndWait(
      bot.fake.buttonClick({ customId: verify, memberPermissions: MANAGE_GUILD, user: ANA }),
    );
    expect(JSON.stringify(own.body)).toMatch(/verif/i);
    expect(bot.services.store.getFact(id!)?.status).toBe('draft');
    const click = (customId: string, user: typeof ANA) =>
      bot.fake.interactAndWait(bot.fake.buttonClick({ customId, memberPermissions: MANAGE_GUILD, user }));
    const untranslated = await click(verify, BRUNO);
    expect(JSON.stringify(untranslated.body)).toContain('awaiting its translation');
    const edit = await click(verify.replace(':verify:', ':edit:'), BRUNO);
    type Form = {
      data: { custom_id: string; components: { components: { custom_id: string; value?: string }[] }[] };
    };
    const form = (edit.body as Form).data;
    const fields = Object.fromEntries(
      form.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value ?? '']),
    );
    expect(fields.text_fr).toBe('');
    fields.text_fr = `${bot.services.store.getFact(id!)!.text.en} (traduit)`;
    await bot.fake.interactAndWait(
      bot.fake.modalSubmit({
        customId: form.custom_id,
        fields,
        memberPermissions: MANAGE_GUILD,
        user: BRUNO,
      }),
    );
    const translated = bot.services.store.getFact(id!)!;
    expect(translated.needsTranslation).toBeUndefined();
    await click(`facts:q:verify:${id}:${translated.version}`, ANA);
    expect(bot.services.store.getFact(id!)).toMatchObject({ status: 'verified', verifiedBy: ANA.id });
    const next = await bot.fake.interactAndWait(
      bot.fake.chatInput({
        name: 'facts',
        subcommand: 'queue',
        memberPermissions: MANAGE_GUILD,
        user: BRUNO,
      }),
    );
    const reject = (
      next.body as { data: { components: { components: { custom_id: string }[] }[] } }
    ).data.components[0]!.components.find((button) =>
      button.custom_id.startsWith('facts:q:reject:'),
    )!.custom_id;
    const asked = await bot.fake.interactAndWait(
      bot.fake.buttonClick({ customId: reject, memberPermissions: MANAGE_GUILD, user: BRUNO }),
    );
    const modal = asked.body as { type: number; data: { custom_id: string } };
    expect(modal.type).toBe(9);
    await bot.fake.interactAndWait(
      bot.fake.modalSubmit({
        customId: modal.data.custom_id,
        fields: { reason: 'Not in the article' },
        memberPermissions: MANAGE_GUILD,
        user: BRUNO,
      }),
    );
    expect(bot.services.store.getFact(reject.split(':')[3]!)?.status).toBe('retired');
  });

  it('refuses both to a member', async () => {
    for (const subcommand of ['queue', 'draft']) {
      const options: Record<string, string> = subcommand === 'draft' ? { text: ARTICLE, language: 'en' } : {};
      const callback: RecordedRequest = await bot.fake.interactAndWait(
        bot.fake.chatInput({ name: 'facts', subcommand, options }),
      );
      expect(JSON.stringify(callback.body)).toContain('Only moderators');
    }
  });
});

describe('a refused form on Discord loses nothing', () => {
  const FACT = 'iren-microsoft-deal-value';
  const editFields = async (user: typeof ANA) => {
    const shown = await bot.fake.interactAndWait(
      bot.fake.chatInput({
        name: 'facts',
        subcommand: 'edit',
        options: { id: FACT },
        memberPermissions: MANAGE_GUILD,
        user,
      }),
    );
    const modal = (
      shown.body as {
        data: { custom_id: string; components: { components: { custom_id: string; value?: string }[] }[] };
      }
    ).data;
    const fields = Object.fromEntries(
      modal.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value ?? '']),
    );
    return { customId: modal.custom_id, fields };
  };
  const buttonOf = (request: RecordedRequest) => {
    const data = (request.body as { data?: { components?: { components: { custom_id: string }[] }[] } }).data;
    return data?.components?.[0]?.components[0]?.custom_id;
  };
  const reopen = async (customId: string, user: typeof ANA) => {
    const shown = await bot.fake.interactAndWait(
      bot.fake.buttonClick({ customId, memberPermissions: MANAGE_GUILD, user }),
    );
    return shown.body as {
      type: number;
      data: { custom_id: string; components: { components: { custom_id: string; value?: string }[] }[] };
    };
  };

  it('answers a value it cannot read with the error and a button that reopens the form as typed', async () => {
    const { customId, fields } = await editFields(ANA);
    const typed = {
      ...fields,
      values: `${fields.values}\nbananas = 80 bananas`,
      text_en: `${fields.text_en} (typed)`,
    };
    const refused = await bot.fake.interactAndWait(
      bot.fake.modalSubmit({ customId, fields: typed, memberPermissions: MANAGE_GUILD, user: ANA }),
    );
    expect(JSON.stringify(refused.body)).toContain('bananas');
    const button = buttonOf(refused);
    expect(button).toMatch(/^facts:reopen:/);
    const modal = await reopen(button!, ANA);
    expect(modal.type).toBe(9);
    const values = Object.fromEntries(
      modal.data.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value]),
    );
    expect(values).toMatchObject({ values: typed.values, text_en: typed.text_en });
    expect(await reopen(button!, BRUNO)).toMatchObject({ type: 4 });
  });

  it('offers the typed text back after a version conflict, on the version stored now', async () => {
    const stale = await editFields(ANA);
    const other = await editFields(BRUNO);
    await bot.fake.interactAndWait(
      bot.fake.modalSubmit({
        customId: other.customId,
        fields: { ...other.fields, text_en: `${other.fields.text_en} (bruno)` },
        memberPermissions: MANAGE_GUILD,
        user: BRUNO,
      }),
    );
    const mine = { ...stale.fields, text_en: `${stale.fields.text_en} (ana)` };
    const conflict = await bot.fake.interactAndWait(
      bot.fake.modalSubmit({
        customId: stale.customId,
        fields: mine,
        memberPermissions: MANAGE_GUILD,
        user: ANA,
      }),
    );
    const modal = await reopen(buttonOf(conflict)!, ANA);
    const version = bot.services.store.getFact(FACT)!.version;
    expect(modal.data.custom_id).toContain(`:${version}:`);
    const values = Object.fromEntries(
      modal.data.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value]),
    );
    expect(values.text_en).toBe(mine.text_en);
  });
});

describe('/facts entity add|edit|verify on Discord', () => {
  type Modal = {
    type: number;
    data: { custom_id: string; components: { components: { custom_id: string; value?: string }[] }[] };
  };
  const fieldsOf = (modal: Modal) =>
    Object.fromEntries(
      modal.data.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value ?? '']),
    );
  const entity = (subcommand: string, options: Record<string, string>, user: typeof ANA) =>
    bot.fake.interactAndWait(
      bot.fake.chatInput({
        name: 'facts',
        subcommandGroup: 'entity',
        subcommand,
        options,
        memberPermissions: MANAGE_GUILD,
        user,
      }),
    );

  it('adds an entity through its form as a draft, verified only by another moderator, and edits it old → new', async () => {
    const shown = (await entity('add', { id: 'riot-platforms', kind: 'company' }, ANA)).body as Modal;
    expect(shown.type).toBe(9);
    const fields = {
      ...fieldsOf(shown),
      name_fr: 'Riot Platforms',
      name_en: 'Riot Platforms',
      aliases_en: 'Riot, RIOT',
      aliases_fr: 'Riot',
      affiliations: '',
    };
    await bot.fake.interactAndWait(
      bot.fake.modalSubmit({
        customId: shown.data.custom_id,
        fields,
        memberPermissions: MANAGE_GUILD,
        user: ANA,
      }),
    );
    const added = bot.services.store.listEntities().find((item) => item.id === 'riot-platforms');
    expect(added).toMatchObject({
      type: 'company',
      status: 'draft',
      aliases: { en: ['Riot', 'RIOT'] },
      trail: [{ actor: ANA.id, action: 'create' }],
    });
    expect(JSON.stringify((await entity('verify', { id: 'riot-platforms' }, ANA)).body)).toContain(
      'another moderator must verify',
    );
    expect(bot.services.store.listEntities().find((item) => item.id === 'riot-platforms')?.status).toBe(
      'draft',
    );
    await entity('verify', { id: 'riot-platforms' }, BRUNO);
    expect(bot.services.store.listEntities().find((item) => item.id === 'riot-platforms')?.status).toBe(
      'verified',
    );
    const edit = (await entity('edit', { id: 'riot-platforms' }, BRUNO)).body as Modal;
    expect(fieldsOf(edit).aliases_en).toBe('Riot, RIOT');
    const reply = await bot.fake.interactAndWait(
      bot.fake.modalSubmit({
        customId: edit.data.custom_id,
        fields: { ...fieldsOf(edit), affiliations: 'Bitfarms' },
        memberPermissions: MANAGE_GUILD,
        user: BRUNO,
      }),
    );
    expect(JSON.stringify(reply.body)).toContain('affiliations');
    expect(bot.services.store.listEntities().find((item) => item.id === 'riot-platforms')).toMatchObject({
      status: 'draft',
      affiliations: ['bitfarms'],
    });
  });
});
