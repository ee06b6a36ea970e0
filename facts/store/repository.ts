import type { FactCheck } from '../dataset.ts';
import type { Result } from '../result.ts';
import type { AuditEntry, Entity, Fact, FactKind, FactStatus, Measure } from '../schema/index.ts';
import type { EntityPatch, NewEntity } from './entity-operations.ts';
import type { FactPatch, NewFact } from './inputs.ts';

/** How a store behaves; the composition root fills it from settings. */
export interface StoreOptions {
  /** A verification must come from someone other than the fact's last editor; false relaxes it for one-person servers. */
  fourEyes: boolean;
  /** Extra rules every written fact must pass (bilingual parity…); a non-empty result fails with `factInvalid`. */
  checks?: readonly FactCheck[];
  now?: () => Date;
  /** Acknowledged writes between two snapshots of the file store (default 1000): bounds the replay at start-up. */
  compactEvery?: number;
}

export interface FactFilter {
  status?: FactStatus;
  kind?: FactKind;
  entity?: string;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * The verified fact store as callers see it: reads from memory, writes serialized and journaled before they resolve.
 * Every write takes the version its author saw; a stale one fails with `versionConflict`, never overwrites.
 */
export interface FactRepository {
  listFacts(filter?: FactFilter): Fact[];
  getFact(id: string): Fact | undefined;
  listEntities(): Entity[];
  /** The measure registry every quantity value names one of (`netLoss`, `btcMined`…). */
  listMeasures(): Measure[];
  /** Every change to a fact, oldest first. */
  history(id: string): AuditEntry[] | Promise<AuditEntry[]>;
  /** A new draft at version 1; its id must never have been used, even by a retired fact. */
  add(input: NewFact, actor: string, note?: string): Promise<Result<Fact>>;
  /** A new version; a verified fact goes back to draft and needs verifying again. */
  edit(
    id: string,
    expectedVersion: number,
    patch: FactPatch,
    actor: string,
    note?: string,
  ): Promise<Result<Fact>>;
  /** Marks the version the verifier read as verified; with four-eyes, not by its last editor. */
  verify(id: string, expectedVersion: number, actor: string, note?: string): Promise<Result<Fact>>;
  /** Takes a fact out of answers for good; its id and history stay. */
  retire(id: string, expectedVersion: number, actor: string, reason: string): Promise<Result<Fact>>;
  /** Validates everything (schema, checks, entity references) first, then writes all of it or nothing. */
  importData(data: unknown, actor: string): Promise<Result<ImportCounts>>;
  exportData(): { facts: Fact[]; entities: Entity[] };
  /** A new entity, as a draft with its trail; a second moderator verifies it. */
  addEntity(input: NewEntity, actor: string): Promise<Result<Entity>>;
  /** Changes an entity's names, aliases, kind or affiliations; it goes back to draft, old → new kept in its trail. */
  editEntity(id: string, patch: EntityPatch, actor: string): Promise<Result<Entity>>;
  /** Verifies a draft entity; with four-eyes, not by its last author. */
  verifyEntity(id: string, actor: string): Promise<Result<Entity>>;
  /** Writes a last snapshot and releases the files; later writes fail with `storeClosed`. */
  close(): Promise<void>;
}

/** A store in this process (files, memory): its history is read at once. A database store answers asynchronously. */
export interface LocalFactRepository extends FactRepository {
  history(id: string): AuditEntry[];
}

/** Every failure code the store produces; each needs a key in `locales/<lng>/errors.json`. */
export const STORE_ERROR_CODES = [
  'factNotFound',
  'factExists',
  'versionConflict',
  'fourEyesRequired',
  'factRetired',
  'alreadyVerified',
  'factUnchanged',
  'factInvalid',
  'unknownMeasure',
  'importInvalid',
  'storeCorrupt',
  'seedInvalid',
  'storeClosed',
  'storeLocked',
  'entityNotFound',
  'entityExists',
  'entityInvalid',
  'entityUnchanged',
  'entityAlreadyVerified',
  'diskFull',
  'actorInvalid',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];
