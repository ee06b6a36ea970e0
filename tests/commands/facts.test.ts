import { describe, expect, it } from 'vitest';
import { readLocaleResources } from '../../bot/i18n.ts';
import { facts } from '../../commands/facts.ts';
import type { ModalSpec } from '../../commands/index.ts';
import { markup } from '../../commands/markup.ts';
import {
  complete,
  createTestWorld,
  execute,
  MODERATOR_A,
  MODERATOR_B,
  type RecordingContext,
  replyText,
  submit,
  type TestWorld,
} from '../support/command-context.ts';

const DEAL = 'iren-microsoft-deal-value';
const moderator = (world: TestWorld, userId: string, input: Parameters<TestWorld['context']>[0] = {}) =>
  world.context({ isModerator: true, userId, ...input });

/** The fields of a modal as a moderator would submit them untouched. */
const prefilled = (modal: ModalSpec): Record<string, string> =>
  Object.fromEntries(modal.fields.map((field) => [field.customId, field.value ?? '']));

const openForm = async (ctx: RecordingContext): Promise<ModalSpec> => {
  expect(await execute(facts, ctx)).toEqual({ ok: true });
  const modal = ctx.recorded.modals.at(-1);
  if (!modal) throw new Error('no modal shown');
  return modal;
};

const NEW_FIGURE = {
  text_fr: 'Bitfarms a miné {mined} au T3 2025.',
  text_en: 'Bitfarms mined {mined} in Q3 2025.',
  values: 'mined = 520 BTC @ 2025-Q3',
  sources: 'Bitfarms Q3 2025 results | Bitfarms | en | 2025-11-13 | press release, highlights',
};

/** Every piece of English wording an error can carry: our own (locales/en/errors.json) and zod's. */
const ENGLISH = [
  ...JSON.stringify(readLocaleResources().en.errors)
    .split(/"[\w.]+":|\{\{\w+\}\}|[“”"{},]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.split(' ').length >= 2),
  'Invalid',
  'expected',
  'Too small',
  'Too big',
];
const englishIn = (text: string) => ENGLISH.filter((phrase) => text.includes(phrase));

describe('/facts add', () => {
  it('shows a five-field form, then creates a draft from it, visible in the history', async () => {
    const world = await createTestWorld();
    const ctx = moderator(world, MODERATOR_A, {
      subcommand: 'add',
      options: {
        id: 'bitfarms-q3-mined-test',
        kind: 'figure',
        entities: 'Bitfarms, bitcoin',
        as_of: '2025-11-13',
      },
    });
    const modal = await openForm(ctx);
    expect(modal.customId).toBe('facts:add:bitfarms-q3-mined-test:figure:en');
    expect(modal.fields.map((field) => field.customId)).toEqual([
      'text_fr',
      'text_en',
      'values',
      'sources',
      'details',
    ]);
    for (const field of modal.fields) expect(field.label.length).toBeLessThanOrEqual(45);
    const fields: Record<string, string> = { ...prefilled(modal), ...NEW_FIGURE };
    expect(fields.details).toBe('entities = bitfarms, bitcoin\nasOf = 2025-11-13');

    expect(await submit(facts, ctx, modal.customId, fields)).toEqual({ ok: true });
    const created = world.services.store.getFact('bitfarms-q3-mined-test');
    expect(created).toMatchObject({
      status: 'draft',
      version: 1,
      createdBy: MODERATOR_A,
      asOf: '2025-11-13',
    });
    expect(created?.values).toEqual([
      {
        key: 'mined',
        kind: 'quantity',
        // The store reads the measure off the key when the form gives none.
        measure: 'btcMined',
        value: 520,
        unit: 'BTC',
        scale: 'one',
        decimals: 0,
        qualifier: 'exact',
        period: '2025-Q3',
      },
    ]);
    expect(ctx.lastReply().ephemeral).toBe(true);
    expect(replyText(ctx.lastReply())).toContain('Draft');

    const history = moderator(world, MODERATOR_B, {
      subcommand: 'history',
      options: { id: 'bitfarms-q3-mined-test' },
    });
    await execute(facts, history);
    expect(history.lastReply().embeds?.[0]?.description).toContain(`${markup.user(MODERATOR_A)} created`);
  });

  it('names the value line it cannot read and creates nothing', async () => {
    const world = await createTestWorld();
    const ctx = moderator(world, MODERATOR_A, {
      lang: 'fr',
      subcommand: 'add',
      options: { id: 'bad-values-test', kind: 'figure', entities: 'bitfarms' },
    });
    const modal = await openForm(ctx);
    const values = 'mined = 520 BTC\ncost = 48 200 dollars et 3 %';
    const outcome = await submit(facts, ctx, modal.customId, { ...prefilled(modal), ...NEW_FIGURE, values });
    expect(outcome.ok).toBe(false);
    expect(ctx.lastReply().content).toMatch(/^Valeurs, ligne 2\u202f:/);
    expect(world.services.store.getFact('bad-values-test')).toBeUndefined();
  });

  it('refuses an id already taken before showing the form', async () => {
    const world = await createTestWorld();
    const ctx = moderator(world, MODERATOR_A, { subcommand: 'add', options: { id: DEAL, kind: 'figure' } });
    const outcome = await execute(facts, ctx);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'factExists' } });
    expect(ctx.recorded.modals).toEqual([]);
  });
});

describe('/facts edit and verify', () => {
  it('prefills the raw texts and values, and a submitted change lands as the next version, back to draft', async () => {
    const world = await createTestWorld();
    const before = world.services.store.getFact(DEAL)!;
    const ctx = moderator(world, MODERATOR_A, { subcommand: 'edit', options: { id: DEAL } });
    const modal = await openForm(ctx);
    const fields = prefilled(modal);
    expect(modal.customId).toBe(`facts:edit:${DEAL}:${before.version}:en`);
    expect(fields.text_en).toBe(before.text.en);
    expect(fields.values).toMatch(/^dealValue = \$9\.7\s?billion$/);
    const text_en = `${before.text.en} (edited)`;
    expect(await submit(facts, ctx, modal.customId, { ...fields, text_en })).toEqual({ ok: true });
    const after = world.services.store.getFact(DEAL)!;
    expect(after).toMatchObject({
      version: before.version + 1,
      status: 'draft',
      text: { en: text_en, fr: before.text.fr },
    });
    expect(after.values).toEqual(before.values);
    expect(world.services.search.search('IREN Microsoft deal', 'en').map((hit) => hit.factId)).not.toContain(
      DEAL,
    );
  });

  it('refuses a stale form with the current version and changes nothing', async () => {
    const world = await createTestWorld();
    const first = moderator(world, MODERATOR_A, { subcommand: 'edit', options: { id: DEAL } });
    const second = moderator(world, MODERATOR_B, { subcommand: 'edit', options: { id: DEAL } });
    const staleModal = await openForm(first);
    const freshModal = await openForm(second);
    await submit(facts, second, freshModal.customId, {
      ...prefilled(freshModal),
      text_en: 'IREN signed a {dealValue} deal.',
    });
    const landed = world.services.store.getFact(DEAL)!;
    const outcome = await submit(facts, first, staleModal.customId, {
      ...prefilled(staleModal),
      text_en: 'Another text {dealValue}.',
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'versionConflict' } });
    expect(first.lastReply().ephemeral).toBe(true);
    expect(first.lastReply().content).toContain(`version ${landed.version}`);
    expect(world.services.store.getFact(DEAL)).toEqual(landed);
  });

  it('needs a second moderator to verify an edit (four eyes), then indexes the fact again', async () => {
    const world = await createTestWorld();
    const editor = moderator(world, MODERATOR_A, { subcommand: 'edit', options: { id: DEAL } });
    const modal = await openForm(editor);
    await submit(facts, editor, modal.customId, {
      ...prefilled(modal),
      text_en: 'IREN and Microsoft signed a {dealValue} deal.',
    });
    const draft = world.services.store.getFact(DEAL)!;

    const self = moderator(world, MODERATOR_A, { subcommand: 'verify', options: { id: DEAL } });
    expect(await execute(facts, self)).toMatchObject({ ok: false, error: { code: 'fourEyesRequired' } });
    expect(world.services.store.getFact(DEAL)).toEqual(draft);

    const other = moderator(world, MODERATOR_B, { lang: 'fr', subcommand: 'verify', options: { id: DEAL } });
    expect(await execute(facts, other)).toEqual({ ok: true });
    expect(world.services.store.getFact(DEAL)).toMatchObject({
      status: 'verified',
      verifiedBy: MODERATOR_B,
      version: draft.version + 1,
    });
    expect(other.lastReply().content).toContain('vérifié');
    expect(world.services.search.search('IREN Microsoft deal', 'en').map((hit) => hit.factId)).toContain(
      DEAL,
    );
  });

  it('retires a fact with its reason kept in the history', async () => {
    const world = await createTestWorld();
    const ctx = moderator(world, MODERATOR_A, {
      subcommand: 'retire',
      options: { id: DEAL, reason: 'superseded by the filing' },
    });
    await execute(facts, ctx);
    expect(world.services.store.getFact(DEAL)?.status).toBe('retired');
    expect(world.services.store.history(DEAL).at(-1)).toMatchObject({
      action: 'retire',
      note: 'superseded by the filing',
    });
    const history = moderator(world, MODERATOR_B, { subcommand: 'history', options: { id: DEAL } });
    await execute(facts, history);
    // The same changed fields as `briefing facts history` (one definition, facts/changed-fields.ts).
    expect(history.lastReply().embeds?.[0]?.description).toMatch(/retired[^\n]*\n[^\n]*status/);
  });

  it('completes ids with drafts as well as verified facts for moderators, and nothing for members', async () => {
    const world = await createTestWorld();
    const editor = moderator(world, MODERATOR_A, { subcommand: 'edit', options: { id: DEAL } });
    const modal = await openForm(editor);
    await submit(facts, editor, modal.customId, {
      ...prefilled(modal),
      text_en: 'IREN signed a {dealValue} deal.',
    });
    const focused = { name: 'id', value: 'iren' };
    const choices = await complete(facts, moderator(world, MODERATOR_B, { focused }));
    expect(choices.find((choice) => choice.value === DEAL)?.name).toMatch(/^Draft · /);
    expect(await complete(facts, world.context({ focused }))).toEqual([]);
  });
});

describe('a member who is not a moderator', () => {
  it.each(['en', 'fr'] as const)(
    'is refused every change with the localized message, and nothing changes (%s)',
    async (lang) => {
      const world = await createTestWorld();
      const before = world.services.store.exportData();
      const historyLength = world.services.store.history(DEAL).length;
      const attempts = [
        { subcommand: 'verify', options: { id: DEAL } },
        { subcommand: 'retire', options: { id: DEAL, reason: 'because' } },
        { subcommand: 'edit', options: { id: DEAL } },
        { subcommand: 'add', options: { id: 'member-fact-test', kind: 'event' } },
      ];
      for (const attempt of attempts) {
        const ctx = world.context({ lang, isModerator: false, ...attempt });
        expect(await execute(facts, ctx)).toMatchObject({ ok: false, error: { code: 'notModerator' } });
        expect(ctx.lastReply()).toEqual({ content: ctx.t('errors:notModerator'), ephemeral: true });
        expect(ctx.recorded.modals).toEqual([]);
      }
      const forged = world.context({ lang, isModerator: false });
      const outcome = await submit(facts, forged, `facts:edit:${DEAL}:1:en`, {
        text_en: 'forged {dealValue}',
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'notModerator' } });
      expect(world.services.store.exportData()).toEqual(before);
      expect(world.services.store.history(DEAL)).toHaveLength(historyLength);
    },
  );
});

describe('a French moderator’s form errors', () => {
  it('hold no English, down to each problem of each line', async () => {
    const world = await createTestWorld();
    const ctx = moderator(world, MODERATOR_A, {
      lang: 'fr',
      subcommand: 'add',
      options: { id: 'bitfarms-q3-mined', kind: 'figure' },
    });
    const modal = await openForm(ctx);
    const outcome = await submit(facts, ctx, modal.customId, {
      ...NEW_FIGURE,
      sources: 'Résultats | Bitfarms | de | hier | communiqué',
    });
    expect(outcome.ok).toBe(false);
    const reply = replyText(ctx.lastReply());
    expect(reply).toContain('Sources, ligne 1');
    expect(reply).toMatch(/lang: doit être l’une des valeurs fr, en/);
    expect(reply).toMatch(/date: doit être une date AAAA-MM-JJ/);
    expect(englishIn(reply)).toEqual([]);
  });
});
