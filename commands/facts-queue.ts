import { formatValue } from '../facts/numbers/index.ts';
import type { CommandContext, ReplyEmbed } from './index.ts';
import { renderActor } from './render/names.ts';

/** How many waiting changes one reply shows, oldest first (Discord allows 25 fields; each one stays readable). */
const SHOWN = 10;

/** The source sentence a drafted fact was created with (its first audit note), when it came from a source. */
const sentenceOf = (note: string | undefined) => (note?.startsWith('«') ? note : undefined);

/**
 * `/facts queue`: the drafts and edits waiting for a second moderator, and the draft entities, oldest first, each
 * with its source sentence, values and proposer, and the command that verifies it (never the proposer's own).
 */
export async function showQueue(ctx: CommandContext, from = 0): Promise<void> {
  const { store } = ctx.services;
  const waiting = store
    .listFacts({ status: 'draft' })
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
  const start = Math.min(Math.max(0, from), Math.max(0, waiting.length - 1));
  const shown = waiting.slice(start, start + SHOWN);
  // A database store reads history asynchronously: all shown facts' histories together.
  const histories = await Promise.all(shown.map((fact) => store.history(fact.id)));
  const fields = shown.map((fact, index) => {
    const sentence = sentenceOf(histories[index]![0]?.note);
    const values = fact.values.map((value) => `${value.key} = ${formatValue(value, ctx.lang)}`).join(' · ');
    const lines = [
      sentence,
      values,
      ctx.t(fact.version === 1 ? 'commands:facts.queue.proposed' : 'commands:facts.queue.edited', {
        actor: renderActor(fact.updatedBy),
        version: fact.version,
      }),
      fact.needsTranslation
        ? ctx.t('commands:facts.queue.needsTranslation', { lang: fact.needsTranslation })
        : undefined,
      ctx.t('commands:facts.queue.actions', { id: fact.id, version: fact.version }),
    ];
    return {
      name: `${fact.id} · ${ctx.t(`commands:common.kind.${fact.kind}`)}`,
      value: lines.filter(Boolean).join('\n'),
    };
  });
  const entities = store.listEntities().filter((entity) => entity.status === 'draft');
  const embeds: ReplyEmbed[] = [
    {
      title: ctx.t('commands:facts.queue.title'),
      description: fields.length ? undefined : ctx.t('commands:facts.queue.empty'),
      fields,
      footer: ctx.t('commands:facts.queue.total', {
        count: waiting.length,
        shown: Math.min(SHOWN, waiting.length),
      }),
    },
  ];
  if (entities.length)
    embeds.push({
      title: ctx.t('commands:facts.queue.entities'),
      description: entities
        .slice(0, SHOWN)
        .map((entity) =>
          ctx.t('commands:facts.queue.entity', {
            id: entity.id,
            name: entity.name[ctx.lang],
            type: entity.type,
            actor: renderActor(entity.trail?.at(-1)?.actor ?? '—'),
          }),
        )
        .join('\n'),
    });
  const first = waiting[start];
  await ctx.reply({
    embeds,
    ephemeral: true,
    ...(first ? { buttons: queueButtons(ctx, first.id, first.version, start, waiting.length) } : {}),
  });
}

/**
 * Buttons for the first change listed: open its card and history, edit it, verify the version shown, reject it
 * (retire, with a reason), or move on to the next one. Each carries the version read, so nothing changed since is
 * verified unseen.
 */
function queueButtons(ctx: CommandContext, id: string, version: number, start: number, count: number) {
  const label = (name: string) => ctx.t(`commands:facts.queue.button.${name}`);
  const buttons = [
    { customId: `facts:q:open:${id}:${version}`, label: label('open') },
    { customId: `facts:q:edit:${id}:${version}`, label: label('edit') },
    { customId: `facts:q:verify:${id}:${version}`, label: label('verify') },
    { customId: `facts:q:reject:${id}:${version}`, label: label('reject') },
  ];
  return start + 1 < count
    ? [...buttons, { customId: `facts:q:next:${start + 1}`, label: label('next') }]
    : buttons;
}
