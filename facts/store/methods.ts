import { fail, type Result } from '../result.ts';
import type { Entity, Fact } from '../schema/index.ts';
import { planEntityAdd, planEntityEdit, planEntityVerify } from './entity-operations.ts';
import {
  type Change,
  type ChangeContext,
  findTarget,
  planAdd,
  planEdit,
  planRetire,
  planVerify,
} from './operations.ts';
import type { FactRepository } from './repository.ts';
import type { StoreState } from './state.ts';

/** How a backend makes one fact change, or one entity, durable; the rules of each write are the same everywhere. */
export interface WritePaths {
  change(
    actor: string,
    note: string | undefined,
    plan: (c: ChangeContext) => Result<Change>,
  ): Promise<Result<Fact>>;
  saveEntity(actor: string, plan: (c: ChangeContext) => Result<Entity>): Promise<Result<Entity>>;
}

type SharedMethods = Pick<
  FactRepository,
  | 'listFacts'
  | 'getFact'
  | 'listEntities'
  | 'listMeasures'
  | 'exportData'
  | 'add'
  | 'edit'
  | 'verify'
  | 'retire'
  | 'addEntity'
  | 'editEntity'
  | 'verifyEntity'
>;

/** The reads from memory and the single writes every backend offers, over its own write paths. */
export function sharedMethods(
  state: StoreState,
  fourEyes: boolean,
  { change, saveEntity }: WritePaths,
): SharedMethods {
  const target =
    (id: string, version: number, then: (fact: Fact, c: ChangeContext) => Result<Change>) =>
    (context: ChangeContext) => {
      const found = findTarget(context.state, id, version);
      return found.ok ? then(found.value, context) : found;
    };
  const existing =
    (id: string, then: (entity: Entity, c: ChangeContext) => Result<Entity>) => (context: ChangeContext) => {
      const current = context.state.entities.get(id);
      return current ? then(current, context) : fail('entityNotFound', { id });
    };
  return {
    listFacts: (filter = {}) =>
      [...state.facts.values()].filter(
        (fact) =>
          (!filter.status || fact.status === filter.status) &&
          (!filter.kind || fact.kind === filter.kind) &&
          (!filter.entity || fact.entities.includes(filter.entity)),
      ),
    getFact: (id) => state.facts.get(id),
    listEntities: () => [...state.entities.values()],
    listMeasures: () => [...state.measures.values()],
    exportData: () => ({ facts: [...state.facts.values()], entities: [...state.entities.values()] }),
    add: (input, actor, note) => change(actor, note, (context) => planAdd(input, context)),
    edit: (id, version, patch, actor, note) =>
      change(
        actor,
        note,
        target(id, version, (fact, context) => planEdit(fact, patch, context)),
      ),
    verify: (id, version, actor, note) =>
      change(
        actor,
        note,
        target(id, version, (fact, context) => planVerify(fact, fourEyes, context)),
      ),
    retire: (id, version, actor, reason) => {
      if (!reason.trim())
        return Promise.resolve(fail('factInvalid', { id }, ['note: a retirement needs a reason']));
      return change(
        actor,
        reason,
        target(id, version, (fact, context) => planRetire(fact, context)),
      );
    },
    addEntity: (input, actor) =>
      saveEntity(actor, (context) => planEntityAdd(input, context.state, context.actor, context.at)),
    editEntity: (id, patch, actor) =>
      saveEntity(
        actor,
        existing(id, (entity, context) =>
          planEntityEdit(entity, patch, context.state, context.actor, context.at),
        ),
      ),
    verifyEntity: (id, actor) =>
      saveEntity(
        actor,
        existing(id, (entity, context) =>
          planEntityVerify(entity, fourEyes, context.actor, context.at, context.state),
        ),
      ),
  };
}
