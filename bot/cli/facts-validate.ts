import { validateDataset } from '../../facts/dataset.ts';
import { loadSeed } from '../../facts/seed/index.ts';
import { factChecks } from '../open-store.ts';
import { openCliStore, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { parseCli, USAGE } from './parse.ts';
import { locateProblems, readJsonFile } from './read-json-file.ts';

/**
 * `briefing facts validate [file]`: checks a dataset file (`{ facts, entities }` or a bare array of facts) or, without
 * one, the store; exits 1 with precise messages.
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
  // A file is checked against the embedded entity registry, plus the entities it carries itself.
  const result = validateDataset(read.value.data, factChecks(), loadSeed().entities);
  if (!result.ok) {
    return session.report({
      ok: false,
      code: 'datasetInvalid',
      params: { file, count: result.problems.length },
      details: locateProblems(file, read.value.text, result.problems, session.t),
    });
  }
  io.out(session.t('cli:validate.fileOk', { file, count: result.value.facts.length }));
  return 0;
};
