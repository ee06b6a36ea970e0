import { loadSeed } from '../../facts/seed/index.ts';
import { openMemoryStore } from '../../facts/store/index.ts';
import { factChecks } from '../open-store.ts';
import { openCliStore, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { parseCli, USAGE } from './parse.ts';
import { locateProblems, readJsonFile } from './read-json-file.ts';

/**
 * `briefing facts validate [file]`: checks a dataset file (`{ facts, entities }` or a bare array of facts) or, without
 * one, the store; exits 1 with precise messages. A file gets exactly the checks of an import (one validation, the
 * store's), run on a scratch store that holds only the embedded entity registry.
 */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, { lang: { type: 'string' } }, io);
  if (!parsed) return USAGE;
  const session = await startCli(io, parsed.values.lang);
  if (!session) return USAGE;
  const [file] = parsed.positionals;
  if (!file) {
    const store = await openCliStore(session, io);
    if (!store) return 1;
    const count = store.listFacts().length;
    await store.close();
    io.out(session.t('cli:validate.storeOk', { count, dir: session.config.dataDir }));
    return 0;
  }
  const read = await readJsonFile(file);
  if (!read.ok) return session.report(read);
  const { data } = read.value;
  const scratch = openMemoryStore(() => ({ facts: [], entities: loadSeed().entities }), {
    fourEyes: false,
    checks: factChecks(),
  });
  const checked = await scratch.importData(Array.isArray(data) ? { facts: data } : data, 'validate');
  await scratch.close();
  if (!checked.ok && checked.code !== 'importInvalid') return session.report(checked);
  if (!checked.ok) {
    const problems = checked.details ?? [];
    return session.report({
      ok: false,
      code: 'datasetInvalid',
      params: { file, count: problems.length },
      details: locateProblems(file, read.value.text, problems, session.t),
    });
  }
  io.out(session.t('cli:validate.fileOk', { file, count: checked.value.added }));
  return 0;
};
