import { validateDataset } from '../../facts/dataset.ts';
import { factChecks } from '../open-store.ts';
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
  // Checked here first only to point at lines of the file; the store validates everything again, all or nothing.
  const checked = validateDataset(read.value.data, factChecks(), store.listEntities());
  if (!checked.ok) {
    await store.close();
    return session.report({
      ok: false,
      code: 'importInvalid',
      params: { count: checked.problems.length },
      details: locateProblems(file, read.value.text, checked.problems),
    });
  }
  const imported = await store.importData(read.value.data, actor);
  await store.close();
  if (!imported.ok) return session.report(imported);
  io.out(session.t('cli:import.done', { ...imported.value, file }));
  return 0;
};
