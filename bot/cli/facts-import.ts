import { openCliStore } from './context.ts';
import type { Subcommand } from './io.ts';
import { USAGE } from './parse.ts';
import { locateProblems, readJsonFile } from './read-json-file.ts';
import { startWithArgument } from './start.ts';

const OPTIONS = { actor: { type: 'string' }, lang: { type: 'string' } } as const;

/**
 * `briefing facts import <file> --actor <name>`: validates everything first, then writes all of it or nothing, as
 * drafts or version-checked edits by the named actor; the file's status, verifier and version are never taken.
 */
export const run: Subcommand = async (args, io) => {
  const started = await startWithArgument(args, OPTIONS, io, 'cli:facts.needsFile');
  if (typeof started === 'number') return started;
  const { values, session, argument: file } = started;
  const actor = values.actor?.trim();
  if (!actor) {
    io.err(session.t('cli:import.needsActor'));
    return USAGE;
  }
  const read = await readJsonFile(file);
  if (!read.ok) return session.report(read);
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const imported = await store.importData(read.value.data, actor);
  await store.close();
  if (!imported.ok) {
    // The store's problems carry JSON paths: pointed at the lines of the file.
    const details = imported.details && locateProblems(file, read.value.text, imported.details, session.t);
    return session.report({ ...imported, ...(details ? { details } : {}) });
  }
  io.out(session.t('cli:import.done', { ...imported.value, file }));
  return 0;
};
