import { draftFacts, writeDrafts } from '../facts/draft/index.ts';
import { formatValue } from '../facts/numbers/index.ts';
import { IsoDateSchema, type Lang, LangSchema } from '../facts/schema/index.ts';
import { type CommandContext, CommandError } from './index.ts';

/** The most drafts one reply lists; the rest are in the queue. */
const SHOWN = 10;

/**
 * `/facts draft text:<pasted article> language:<fr|en> [title] [publisher] [date]`: drafts each checkworthy sentence
 * and writes the new ones as drafts by the moderator, for a second moderator to verify; repeats of stored facts
 * are only reported. The reply lists what was drafted, each with its values and what the store already holds.
 */
export async function draftFromText(ctx: CommandContext): Promise<void> {
  const text = ctx.options.string('text')?.trim() ?? '';
  const lang = LangSchema.safeParse(ctx.options.string('language') ?? ctx.lang);
  const date = ctx.options.string('date')?.trim();
  if (!text) throw new CommandError('draftEmpty');
  if (date && !IsoDateSchema.safeParse(date).success) throw new CommandError('badDate', { value: date });
  const source: Lang = lang.success ? lang.data : ctx.lang;
  const { store } = ctx.services;
  const title = ctx.options.string('title')?.trim();
  const publisher = ctx.options.string('publisher')?.trim();
  await ctx.defer({ ephemeral: true });
  const report = draftFacts({
    text,
    source: {
      lang: source,
      ...(title ? { title } : {}),
      ...(publisher ? { publisher } : {}),
      ...(date ? { date } : {}),
    },
    entities: store.listEntities(),
    facts: store.listFacts(),
    measures: store.listMeasures(),
    today: ctx.services.now().toISOString().slice(0, 10),
  });
  const outcomes = await writeDrafts(store, report.drafts, ctx.user.id);
  for (const outcome of outcomes) if (outcome.outcome === 'written') ctx.services.search.upsert(outcome.fact);
  ctx.services.log.info('facts.drafted', {
    user: ctx.user.id,
    drafts: report.drafts.length,
    written: outcomes.filter((o) => o.outcome === 'written').length,
  });
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const fields = report.drafts.slice(0, SHOWN).map((draft) => {
    const outcome = byId.get(draft.id);
    const values = draft.values.map((value) => `${value.key} = ${formatValue(value, source)}`).join(' · ');
    const state =
      outcome?.outcome === 'duplicate'
        ? ctx.t('commands:facts.draft.duplicate', { id: outcome.of })
        : outcome?.outcome === 'refused'
          ? ctx.t(`errors:${outcome.failure.code}`, { ...outcome.failure.params })
          : draft.conflictsWith
            ? ctx.t('commands:facts.draft.conflict', { id: draft.conflictsWith })
            : ctx.t('commands:facts.draft.written');
    return { name: draft.id, value: [draft.span.text, values, state].filter(Boolean).join('\n') };
  });
  const written = outcomes.filter((outcome) => outcome.outcome === 'written').length;
  await ctx.reply({
    content: ctx.t('commands:facts.draft.summary', {
      drafts: report.drafts.length,
      written,
      skipped: report.skipped.length,
    }),
    embeds: [{ title: ctx.t('commands:facts.draft.title'), fields }],
    ephemeral: true,
  });
}
