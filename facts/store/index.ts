export { type EntityPatch, entityChanges, type NewEntity, NewEntitySchema } from './entity-operations.ts';
export { openStore, storeFiles } from './file-backend.ts';
export { type FactPatch, FactPatchSchema, type NewFact, NewFactSchema } from './inputs.ts';
export { openMemoryStore } from './memory-backend.ts';
export {
  type FactFilter,
  type FactRepository,
  type ImportCounts,
  STORE_ERROR_CODES,
  type StoreErrorCode,
  type StoreOptions,
} from './repository.ts';
export { SEED_ACTOR } from './seed.ts';
