import { fail, ok, type Result } from '../result.ts';
import { type Entity, type EntityChange, EntitySchema } from '../schema/index.ts';
import { describeIssues } from './problems.ts';
import type { StoreState } from './state.ts';

/** What an author writes for an entity; status and trail are the store's. */
export const NewEntitySchema = EntitySchema.omit({ status: true, trail: true });
export type NewEntity = Omit<Entity, 'status' | 'trail'>;
export type EntityPatch = Partial<Omit<NewEntity, 'id'>>;

const EDITABLE = ['type', 'name', 'aliases', 'description', 'affiliations'] as const;

/** Each field an edit changes, as old → new JSON, for the entity's trail and its history. */
export function entityChanges(
  before: Partial<Entity>,
  after: Partial<Entity>,
): NonNullable<EntityChange['changes']> {
  return EDITABLE.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map(
    (field) => ({
      field,
      from: JSON.stringify(before[field] ?? null),
      to: JSON.stringify(after[field] ?? null),
    }),
  );
}

/** Every affiliation must name an entity the store holds (or the entity itself is not its own affiliation). */
function checkEntity(candidate: unknown, state: StoreState): Result<Entity> {
  const parsed = EntitySchema.safeParse(candidate);
  const id = String((candidate as { id?: unknown }).id);
  if (!parsed.success) return fail('entityInvalid', { id }, describeIssues(parsed.error.issues));
  const unknown = (parsed.data.affiliations ?? []).filter(
    (other) => other === id || !state.entities.has(other),
  );
  if (unknown.length)
    return fail(
      'entityInvalid',
      { id },
      unknown.map((other) => `affiliations: unknown entity "${other}"`),
    );
  return ok(parsed.data);
}

/** A new entity, as a draft that a second moderator verifies. Entity ids are never reused. */
export function planEntityAdd(input: unknown, state: StoreState, actor: string, at: string): Result<Entity> {
  const parsed = NewEntitySchema.safeParse(input);
  const id = String((input as { id?: unknown })?.id);
  if (!parsed.success) return fail('entityInvalid', { id }, describeIssues(parsed.error.issues));
  if (state.entities.has(parsed.data.id)) return fail('entityExists', { id: parsed.data.id });
  return checkEntity({ ...parsed.data, status: 'draft', trail: [{ at, actor, action: 'create' }] }, state);
}

/** A change to an entity's names, aliases, kind or affiliations; it goes back to draft until verified again. */
export function planEntityEdit(
  current: Entity,
  patch: unknown,
  state: StoreState,
  actor: string,
  at: string,
): Result<Entity> {
  const parsed = NewEntitySchema.omit({ id: true }).partial().safeParse(patch);
  if (!parsed.success) return fail('entityInvalid', { id: current.id }, describeIssues(parsed.error.issues));
  const next = { ...current, ...parsed.data };
  const changes = entityChanges(current, next);
  if (!changes.length) return fail('entityUnchanged', { id: current.id });
  const trail = [...(current.trail ?? []), { at, actor, action: 'edit' as const, changes }];
  return checkEntity({ ...next, status: 'draft', trail }, state);
}

/** Vouches for an entity; with four-eyes, not by whoever last created or edited it. */
export function planEntityVerify(
  current: Entity,
  fourEyes: boolean,
  actor: string,
  at: string,
  state: StoreState,
): Result<Entity> {
  if (current.status !== 'draft') return fail('entityAlreadyVerified', { id: current.id });
  const author = [...(current.trail ?? [])].reverse().find((change) => change.action !== 'verify')?.actor;
  if (fourEyes && author === actor) return fail('fourEyesRequired', { id: current.id, actor });
  const trail = [...(current.trail ?? []), { at, actor, action: 'verify' as const }];
  return checkEntity({ ...current, status: 'verified', trail }, state);
}
