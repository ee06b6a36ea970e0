import type { FactCheck } from '../dataset.ts';
import { problemsOfIssues } from '../problem.ts';
import { fail, ok, type Result } from '../result.ts';
import type { AuditAction, Fact } from '../schema/index.ts';
import { FactPatchSchema, NewFactSchema } from './inputs.ts';
import { validateFact } from './problems.ts';
import type { StoreState } from './state.ts';

/** One change ready to journal: the fact before (null when new) and the validated fact after. */
export interface Change {
  action: AuditAction;
  before: Fact | null;
  after: Fact;
}

/** Who is acting and when, and the rules in force. */
export interface ChangeContext {
  state: StoreState;
  actor: string;
  at: string;
  checks: readonly FactCheck[];
}

const CONTENT = ['kind', 'entities', 'values', 'text', 'quote', 'sources', 'asOf'] as const;

/** Whether two facts say the same thing from the same sources (who and when aside). */
export const sameContent = (a: Fact, b: Fact): boolean =>
  CONTENT.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));

/** The fact a write targets, at the version its author saw; retired facts take no more changes. */
export function findTarget(state: StoreState, id: string, expectedVersion: number): Result<Fact> {
  const fact = state.facts.get(id);
  if (!fact) return fail('factNotFound', { id });
  if (fact.status === 'retired') return fail('factRetired', { id });
  if (fact.version !== expectedVersion) {
    return fail('versionConflict', { id, expected: expectedVersion, actual: fact.version });
  }
  return ok(fact);
}

/** A new draft at version 1. Facts are never deleted, so an id in the map has been used. */
export function planAdd(input: unknown, { state, actor, at, checks }: ChangeContext): Result<Change> {
  const parsed = NewFactSchema.safeParse(input);
  if (!parsed.success) {
    return fail(
      'factInvalid',
      { id: String((input as { id?: unknown })?.id) },
      problemsOfIssues(parsed.error.issues),
    );
  }
  if (state.facts.has(parsed.data.id)) return fail('factExists', { id: parsed.data.id });
  const draft = { ...parsed.data, status: 'draft', version: 1, createdBy: actor, createdAt: at };
  const after = validateFact(
    { ...draft, updatedBy: actor, updatedAt: at },
    state.entities,
    checks,
    state.measures,
  );
  return after.ok ? ok({ action: 'create', before: null, after: after.value }) : after;
}

/** A new version of the content; verification is dropped, since it vouched for the old words. */
export function planEdit(
  current: Fact,
  patch: unknown,
  { state, actor, at, checks }: ChangeContext,
): Result<Change> {
  const parsed = FactPatchSchema.safeParse(patch);
  if (!parsed.success) return fail('factInvalid', { id: current.id }, problemsOfIssues(parsed.error.issues));
  const {
    verifiedBy: _by,
    verifiedAt: _at,
    quote,
    needsTranslation,
    ...rest
  } = { ...current, ...parsed.data };
  // Writing the awaited language's text is the translation: the mark goes with it.
  const pending =
    needsTranslation && rest.text[needsTranslation] === current.text[needsTranslation]
      ? needsTranslation
      : undefined;
  const candidate = {
    ...rest,
    ...(quote ? { quote } : {}),
    ...(pending ? { needsTranslation: pending } : {}),
    status: 'draft',
    version: current.version + 1,
    updatedBy: actor,
    updatedAt: at,
  };
  const after = validateFact(candidate, state.entities, checks, state.measures);
  if (!after.ok) return after;
  if (sameContent(after.value, current))
    return fail('factUnchanged', { id: current.id, version: current.version });
  return ok({ action: 'edit', before: current, after: after.value });
}

/** Vouches for the version the verifier read; with four-eyes on, never by its last editor. */
export function planVerify(
  current: Fact,
  fourEyes: boolean,
  { state, actor, at, checks }: ChangeContext,
): Result<Change> {
  if (current.status === 'verified')
    return fail('alreadyVerified', { id: current.id, version: current.version });
  if (fourEyes && actor === current.updatedBy) return fail('fourEyesRequired', { id: current.id, actor });
  const candidate = {
    ...current,
    status: 'verified',
    version: current.version + 1,
    verifiedBy: actor,
    verifiedAt: at,
  };
  const after = validateFact(candidate, state.entities, checks, state.measures);
  return after.ok ? ok({ action: 'verify', before: current, after: after.value }) : after;
}

/** Takes a fact out of answers; extra checks do not apply, a fact must always be retirable. */
export function planRetire(current: Fact, { state }: ChangeContext): Result<Change> {
  const after = validateFact(
    { ...current, status: 'retired', version: current.version + 1 },
    state.entities,
    [],
  );
  return after.ok ? ok({ action: 'retire', before: current, after: after.value }) : after;
}
