import { type Entity, EntityTypeSchema, SlugSchema } from '../facts/schema/index.ts';
import { type CommandContext, CommandError, type ModalSpec, type SubcommandDefinition } from './index.ts';
import { renderActor, resolveEntity } from './render/names.ts';

const ENTITY_ID = { name: 'id', type: 'string', required: true, minLength: 2, maxLength: 80 } as const;

/** `/facts entity add|edit|verify`: the registry's companies, people, sites… written like facts, four-eyes. */
export const ENTITY_GROUP: SubcommandDefinition = {
  name: 'entity',
  subcommands: [
    {
      name: 'add',
      options: [
        ENTITY_ID,
        { name: 'kind', type: 'string', required: true, choices: EntityTypeSchema.options },
      ],
    },
    { name: 'edit', options: [ENTITY_ID] },
    { name: 'verify', options: [ENTITY_ID] },
  ],
};

const FIELDS = ['name_fr', 'name_en', 'aliases_fr', 'aliases_en', 'affiliations'] as const;
const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The entity form: names per language, aliases per language and affiliations, one per line or comma-separated. */
function entityModal(
  customId: string,
  title: string,
  entity: Partial<Entity>,
  ctx: CommandContext,
): ModalSpec {
  const values: Record<(typeof FIELDS)[number], string> = {
    name_fr: entity.name?.fr ?? '',
    name_en: entity.name?.en ?? '',
    aliases_fr: (entity.aliases?.fr ?? []).join(', '),
    aliases_en: (entity.aliases?.en ?? []).join(', '),
    affiliations: (entity.affiliations ?? []).join(', '),
  };
  return {
    customId,
    title: title.slice(0, 45),
    fields: FIELDS.map((field) => ({
      customId: field,
      label: ctx.t(`commands:facts.entity.form.${field}`),
      style: field.startsWith('name') ? ('short' as const) : ('paragraph' as const),
      required: field.startsWith('name'),
      maxLength: field.startsWith('name') ? 100 : 1000,
      ...(values[field] ? { value: values[field] } : {}),
    })),
  };
}

/** Runs `/facts entity <add|edit|verify>`; the forms come back through `submitEntityForm`. */
export async function runEntity(ctx: CommandContext, action: string): Promise<void> {
  const { store } = ctx.services;
  const id = ctx.options.string('id')?.trim() ?? '';
  const current = store.listEntities().find((entity) => entity.id === id);
  if (action === 'add') {
    if (!SlugSchema.safeParse(id).success) throw new CommandError('entityInvalid', { id });
    if (current) throw new CommandError('entityExists', { id });
    const kind = EntityTypeSchema.parse(ctx.options.string('kind'));
    return ctx.showModal(
      entityModal(
        `facts:entity-add:${id}:${kind}`,
        ctx.t('commands:facts.entity.form.addTitle', { id }),
        {},
        ctx,
      ),
    );
  }
  if (!current) throw new CommandError('entityNotFound', { id });
  if (action === 'edit')
    return ctx.showModal(
      entityModal(
        `facts:entity-edit:${id}`,
        ctx.t('commands:facts.entity.form.editTitle', { id }),
        current,
        ctx,
      ),
    );
  const verified = await store.verifyEntity(id, ctx.user.id);
  if (!verified.ok) throw CommandError.from(verified);
  return replyDone(ctx, 'verified', verified.value);
}

/** Whether a submitted form is an entity form; when it is, writes it (add or edit) and replies. */
export async function submitEntityForm(
  ctx: CommandContext,
  customId: string,
  fields: Record<string, string>,
): Promise<boolean> {
  const [, action, id = '', kind] = customId.split(':');
  if (action !== 'entity-add' && action !== 'entity-edit') return false;
  const { store } = ctx.services;
  const entities = store.listEntities();
  const affiliations = list(fields.affiliations).map((typed) => {
    const found = resolveEntity(entities, typed);
    if (!found) throw new CommandError('entityNotFound', { id: typed });
    return found.id;
  });
  const content = {
    name: { fr: (fields.name_fr ?? '').trim(), en: (fields.name_en ?? '').trim() },
    aliases: { fr: list(fields.aliases_fr), en: list(fields.aliases_en) },
    ...(affiliations.length ? { affiliations } : {}),
  };
  const written =
    action === 'entity-add'
      ? await store.addEntity({ id, type: EntityTypeSchema.parse(kind), ...content }, ctx.user.id)
      : await store.editEntity(id, content, ctx.user.id);
  if (!written.ok) throw CommandError.from(written);
  await replyDone(ctx, action === 'entity-add' ? 'added' : 'edited', written.value);
  return true;
}

async function replyDone(ctx: CommandContext, done: string, entity: Entity): Promise<void> {
  ctx.services.log.info(`facts.entity.${done}`, { id: entity.id, user: ctx.user.id });
  const last = entity.trail?.at(-1);
  const changes = (last?.changes ?? []).map((change) =>
    ctx.t('commands:history.change', { field: change.field, from: change.from, to: change.to }),
  );
  await ctx.reply({
    content: ctx.t(`commands:facts.entity.done.${done}`, {
      id: entity.id,
      actor: renderActor(last?.actor ?? ctx.user.id),
    }),
    embeds: [
      {
        title: `${entity.name[ctx.lang]} (${entity.id})`,
        description: [ctx.t(`commands:facts.entity.status.${entity.status ?? 'verified'}`), ...changes].join(
          '\n',
        ),
      },
    ],
    ephemeral: true,
  });
}
