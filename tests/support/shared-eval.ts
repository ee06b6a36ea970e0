import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The project root, and `shared/` beside it (CI lays a copy of shared/ next to the clone). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const SHARED_DIR = resolve(PROJECT_ROOT, '..', 'shared');

/**
 * Whether the evaluation files are there. A newcomer's clone may not have shared/ beside it: the suites that read
 * them are then skipped. In CI they must be there, so a wrong path fails the run instead of skipping it.
 */
export const EVAL_PRESENT = existsSync(resolve(SHARED_DIR, 'eval'));
if (!EVAL_PRESENT && process.env.CI)
  throw new Error(`CI: the evaluation files are missing from ${SHARED_DIR}/eval`);

/** Reads a JSON-lines evaluation file from shared/eval; nothing when shared/ is absent. */
export function readEval<T>(name: string): T[] {
  if (!EVAL_PRESENT) return [];
  return readFileSync(resolve(SHARED_DIR, 'eval', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}
