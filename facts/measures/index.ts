export { legacyIndex, measureProblems, migrateFact } from './migrate.ts';
export { loadMeasures, registryProblems } from './registry.ts';
