import type { Migration } from 'kysely';
import * as facts from './0001-facts.ts';
import * as botState from './0002-bot-state.ts';
import * as measures from './0003-measures.ts';

/**
 * Every migration, in order. Names sort as they run; a migration, once released, is never edited: a change is a
 * new one. Listed in code rather than read from a folder, so the same list runs under tsx, in tests and in a bundle.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-facts': facts,
  '0002-bot-state': botState,
  '0003-measures': measures,
};
