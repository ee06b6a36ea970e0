import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The project root, and `shared/` beside it (CI lays a copy of shared/ next to the clone). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const SHARED_DIR = resolve(PROJECT_ROOT, '..', 'shared');

/** Reads a JSON-lines evaluation file from shared/eval. */
export function readEval<T>(name: string): T[] {
  return readFileSync(resolve(SHARED_DIR, 'eval', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}
