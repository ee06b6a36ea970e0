import type { Result } from '../facts/result.ts';
import { type Fact, FactKindSchema } from '../facts/schema/index.ts';
import { draftFromText } from './facts-draft.ts';
import { ENTITY_GROUP, runEntity, submitEntityForm } from './facts-entity.ts';
import { showQueue } from './facts-queue.ts';
import { readAddOptions } from './forms/add-options.ts';
import { factChoice, findFacts } from './forms/fact-choices.ts';
import { buildFactModal, type FormTarget, readFactForm, readFormTarget } from './forms/fact-form.ts';
import { keepForm, keptForm } from './forms/kept-forms.ts';
import { buildRejectModal, readRejectTarget } from './forms/reject-form.ts';
import { type Command, type CommandContext, CommandError } from './index.ts';
import { renderFactCard } from './render/fact-card.ts';
import { renderHistory } from './render/history.ts';

const ID = { name: 'id', type: 'string', required: true, autocomplete: true, maxLength: 80 } as const;

/** The router refuses members already; a mutation checks again, since a handler may be reached another way. */
function requireModerator(ctx: CommandContext): void {
  if (!ctx.isModerator) throw new CommandError('notModerator');
}

/** After a write: the search index follows, the log records it, and the moderator sees the new card. */
async function settle(ctx: CommandContext, done: string, result: Result<Fact>): Promise<void> {
  if (!result.ok) throw CommandError.from(result);
  const fact = result.value;
  ctx.services.search.upsert(fact);
  ctx.services.log.info(`facts.${done}`, { id: fact.id, version: fact.version, user: ctx.user.id });
  const content = ctx.t(`commands:facts.done.${done}`, { id: fact.id, version: fact.version });
  await ctx.reply({ content, embeds: [renderFactCard(fact, ctx)], ephemeral: true });
}

/** A queue button: open, edit, verify or reject the change it names (at the version shown), or the next one. */
async function pressQueueButton(ctx: CommandContext, customId: string): Promise<void> {
  const [, , action, id = '', version] = customId.split(':');
  if (action === 'next') return showQueue(ctx, Number(id));
  const { store } = ctx.services;
  const current = store.getFact(id);
  if (!current) throw new CommandError('factNotFound', { id });
  const read = Number(version);
  switch (action) {
    case 'open':
      return ctx.reply({
        embeds: [renderFactCard(current, ctx), renderHistory(id, await store.history(id), ctx)],
        ephemeral: true,
      });
    case 'edit': {
      const target = { action: 'edit', id, version: read, lang: ctx.lang } as const;
      return ctx.showModal(buildFactModal(target, current.kind, current, ctx.t));
    }
    case 'verify':
      return settle(ctx, 'verified', await store.verify(id, read, ctx.user.id));
    case 'reject':
      return ctx.showModal(buildRejectModal(id, read, ctx.t));
    default:
      throw new CommandError('unknownModal', { customId });
  }
}

/** Reads a submitted form and writes it: a new draft, or an edit of the version its author read. */
async function submitForm(
  ctx: CommandContext,
  target: FormTarget,
  fields: Record<string, string>,
): Promise<void> {
  const { store } = ctx.services;
  if (target.action === 'add') {
    const form = readFactForm(fields, target.kind, target.lang);
    if (!form.ok) throw CommandError.from(form);
    return settle(
      ctx,
      'added',
      await store.add({ id: target.id, kind: target.kind, ...form.value }, ctx.user.id),
    );
  }
  const current = store.getFact(target.id);
  if (!current) throw new CommandError('factNotFound', { id: target.id });
  const form = readFactForm(fields, current.kind, target.lang, current.values);
  if (!form.ok) throw CommandError.from(form);
  // `quote: null` keeps a non-quote free of a quote; a quote's form always carries its speaker.
  const patch = { ...form.value, quote: form.value.quote ?? null };
  return settle(ctx, 'edited', await store.edit(target.id, target.version, patch, ctx.user.id));
}

/** `/facts add|edit|verify|retire|history|draft|queue`: the moderators' tools; every change is version-checked and audited. */
export const facts = {
  data: {
    name: 'facts',
    moderatorOnly: true,
    subcommands: [
      {
        name: 'add',
        options: [
          { name: 'id', type: 'string', required: true, minLength: 2, maxLength: 80 },
          { name: 'kind', type: 'string', required: true, choices: FactKindSchema.options },
          { name: 'entities', type: 'string', maxLength: 500 },
          { name: 'as_of', type: 'string', minLength: 10, maxLength: 10 },
        ],
      },
      { name: 'edit', options: [ID] },
      { name: 'verify', options: [ID, { name: 'version', type: 'integer', minValue: 1 }] },
      {
        name: 'retire',
        options: [ID, { name: 'reason', type: 'string', required: true, minLength: 3, maxLength: 500 }],
      },
      { name: 'history', options: [ID] },
      {
        name: 'draft',
        options: [
          { name: 'text', type: 'string', required: true, minLength: 20, maxLength: 6000 },
          { name: 'language', type: 'string', required: true, choices: ['fr', 'en'] },
          { name: 'title', type: 'string', maxLength: 200 },
          { name: 'publisher', type: 'string', maxLength: 100 },
          { name: 'date', type: 'string', minLength: 10, maxLength: 10 },
        ],
      },
      { name: 'queue' },
      ENTITY_GROUP,
    ],
  },
  async execute(ctx) {
    requireModerator(ctx);
    const { store } = ctx.services;
    const { subcommand } = ctx.options;
    if (subcommand === 'draft') return draftFromText(ctx);
    if (subcommand === 'queue') return showQueue(ctx);
    if (subcommand?.startsWith('entity ')) return runEntity(ctx, subcommand.slice('entity '.length));
    if (subcommand === 'add') {
      const { id, kind, entities, asOf } = readAddOptions(ctx);
      return ctx.showModal(
        buildFactModal({ action: 'add', id, kind, lang: ctx.lang }, kind, { entities, asOf }, ctx.t),
      );
    }
    const id = ctx.options.string('id')?.trim() ?? '';
    const current = store.getFact(id);
    if (!current) throw new CommandError('factNotFound', { id });
    switch (subcommand) {
      case 'edit': {
        const target = { action: 'edit', id, version: current.version, lang: ctx.lang } as const;
        return ctx.showModal(buildFactModal(target, current.kind, current, ctx.t));
      }
      case 'verify': {
        // The version the verifier read, when given: a fact changed since then is refused, not verified unseen.
        const version = ctx.options.integer('version') ?? current.version;
        return settle(ctx, 'verified', await store.verify(id, version, ctx.user.id));
      }
      case 'retire': {
        const reason = ctx.options.string('reason')?.trim() ?? '';
        return settle(ctx, 'retired', await store.retire(id, current.version, ctx.user.id, reason));
      }
      case 'history':
        return ctx.reply({ embeds: [renderHistory(id, await store.history(id), ctx)], ephemeral: true });
      default:
        throw new CommandError('unknownSubcommand', { name: subcommand ?? '' });
    }
  },
  async submitModal(ctx, customId, fields) {
    requireModerator(ctx);
    if (await submitEntityForm(ctx, customId, fields)) return;
    const rejected = readRejectTarget(customId);
    if (rejected) {
      const reason = (fields.reason ?? '').trim();
      return settle(
        ctx,
        'retired',
        await ctx.services.store.retire(rejected.id, rejected.version, ctx.user.id, reason),
      );
    }
    const target = readFormTarget(customId);
    if (!target) throw new CommandError('unknownModal', { customId });
    try {
      await submitForm(ctx, target, fields);
    } catch (error) {
      // A refused form or a version conflict loses nothing: the reply offers the form back with what was typed.
      if (!(error instanceof CommandError)) throw error;
      const key = keepForm(ctx.user.id, target, fields);
      throw error.withButtons([
        { customId: `facts:reopen:${key}`, label: ctx.t('commands:facts.form.reopen') },
      ]);
    }
  },
  async pressButton(ctx, customId) {
    requireModerator(ctx);
    if (customId.startsWith('facts:q:')) return pressQueueButton(ctx, customId);
    const [, action, key] = customId.split(':');
    const form = action === 'reopen' && key ? keptForm(key, ctx.user.id) : undefined;
    if (!form) throw new CommandError('formExpired');
    const { target, fields } = form;
    if (target.action === 'add') return ctx.showModal(buildFactModal(target, target.kind, {}, ctx.t, fields));
    const current = ctx.services.store.getFact(target.id);
    if (!current) throw new CommandError('factNotFound', { id: target.id });
    // Reopened on the version stored now: the author's words, checked again against what changed meanwhile.
    const next = { ...target, version: current.version };
    return ctx.showModal(buildFactModal(next, current.kind, current, ctx.t, fields));
  },
  async autocomplete(ctx) {
    if (!ctx.isModerator || ctx.options.focused?.name !== 'id') return [];
    return findFacts(ctx, ctx.options.focused.value, ['verified', 'draft']).map((found) =>
      factChoice(found, ctx),
    );
  },
} satisfies Command;
