// What a storage backend (files in bot/store, or a database) builds the repository from.
export { parseAuditLines } from './audit-lines.ts';
export { createRepository, type StoreBackend } from './core.ts';
export { type EntityPatch, entityChanges, type NewEntity, NewEntitySchema } from './entity-operations.ts';
export { type FactPatch, FactPatchSchema, type NewFact, NewFactSchema } from './inputs.ts';
export { openMemoryStore } from './memory-backend.ts';
export { describeIssues, formatPath } from './problems.ts';
export {
  type FactFilter,
  type FactRepository,
  type ImportCounts,
  type LocalFactRepository,
  STORE_ERROR_CODES,
  type StoreErrorCode,
  type StoreOptions,
} from './repository.ts';
export { SEED_ACTOR, seedState } from './seed.ts';
export { applyEntry, createState, missingEntities, type StoreState } from './state.ts';
