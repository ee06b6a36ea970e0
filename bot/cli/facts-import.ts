import { openCliStore } from './context.ts';
import type { Subcommand } from './io.ts';
import { locateProblems, readJsonFile } from './read-json-file.ts';
import { startWithArgument } from './start.ts';

const OPTIONS = { actor: { type: 'string' }, lang: { type: 'string' } } as const;

/** `briefing facts import <file> [--actor name]`: the store validates everything first, then writes all or nothing. */
export const run: Subcommand = async (args, io) => {
  const started = await startWithArgument(args, OPTIONS, io, 'cli:facts.needsFile');
  if (typeof started === 'number') return started;
  const { values, session, argument: file } = started;
  const read = await readJsonFile(file);
  if (!read.ok) return session.report(read);
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const imported = await store.importData(read.value.data, values.actor ?? 'cli');
  await store.close();
  if (!imported.ok) {
    // The store's problems carry JSON paths: pointed at the lines of the file.
    const details = imported.details && locateProblems(file, read.value.text, imported.details, session.t);
    return session.report({ ...imported, ...(details ? { details } : {}) });
  }
  io.out(session.t('cli:import.done', { ...imported.value, file }));
  return 0;
};
