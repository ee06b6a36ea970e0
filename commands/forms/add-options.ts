import { type FactKind, FactKindSchema, IsoDateSchema, SlugSchema } from '../../facts/schema/index.ts';
import { type CommandContext, CommandError } from '../index.ts';
import { resolveEntity } from '../render/names.ts';

/** What `/facts add` was given: a free id, a kind, known entities (by id or name) and a date, today by default. */
export interface AddOptions {
  id: string;
  kind: FactKind;
  entities: string[];
  asOf: string;
}

/** Checks the options of `/facts add` before the form opens, so a typed form is never lost to a bad option. */
export function readAddOptions(ctx: CommandContext): AddOptions {
  const { store } = ctx.services;
  const id = ctx.options.string('id')?.trim() ?? '';
  if (!SlugSchema.safeParse(id).success) throw new CommandError('badFactId', { id });
  if (store.getFact(id)) throw new CommandError('factExists', { id });
  const kind = FactKindSchema.catch('figure').parse(ctx.options.string('kind'));
  const known = store.listEntities();
  const entities = (ctx.options.string('entities') ?? '').split(',').flatMap((part) => {
    const typed = part.trim();
    if (!typed) return [];
    const entity = resolveEntity(known, typed);
    if (!entity) throw new CommandError('unknownEntity', { id: typed });
    return [entity.id];
  });
  const asOf = ctx.options.string('as_of')?.trim() || ctx.services.now().toISOString().slice(0, 10);
  if (!IsoDateSchema.safeParse(asOf).success) throw new CommandError('badDate', { value: asOf });
  return { id, kind, entities: [...new Set(entities)], asOf };
}
