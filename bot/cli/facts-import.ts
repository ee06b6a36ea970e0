import { validateDataset } from '../../facts/dataset.ts';
import { factChecks } from '../open-store.ts';
import { openCliStore } from './context.ts';
import type { Subcommand } from './io.ts';
import { locateProblems, readJsonFile } from './read-json-file.ts';
import { startWithArgument } from './start.ts';

const OPTIONS = { actor: { type: 'string' }, lang: { type: 'string' } } as const;

/** `briefing facts import <file> [--actor name]`: validates everything first, then writes all of it or nothing. */
export const run: Subcommand = async (args, io) => {
  const started = await startWithArgument(args, OPTIONS, io, 'cli:facts.needsFile');
  if (typeof started === 'number') return started;
  const { values, session, argument: file } = started;
  const read = await readJsonFile(file);
  if (!read.ok) return session.report(read);
  const store = await openCliStore(session, io);
  if (!store) return 1;
  // Checked here first only to point at lines of the file; the store validates everything again, all or nothing.
  const checked = validateDataset(read.value.data, factChecks(), store.listEntities());
  if (!checked.ok) {
    await store.close();
    return session.report({
      ok: false,
      code: 'importInvalid',
      params: { count: checked.problems.length },
      details: locateProblems(file, read.value.text, checked.problems, session.t),
    });
  }
  const imported = await store.importData(read.value.data, values.actor ?? 'cli');
  await store.close();
  if (!imported.ok) return session.report(imported);
  io.out(session.t('cli:import.done', { ...imported.value, file }));
  return 0;
};
