import { openCliStore, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { parseCli, USAGE } from './parse.ts';
import { readJsonFile } from './read-json-file.ts';

const OPTIONS = { actor: { type: 'string' }, lang: { type: 'string' } } as const;

/** `briefing facts import <file> [--actor name]`: validates everything first, then writes all of it or nothing. */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, OPTIONS, io);
  if (!parsed) return USAGE;
  const session = await startCli(io, parsed.values.lang);
  if (!session) return USAGE;
  const [file] = parsed.positionals;
  if (!file) {
    io.err(session.t('cli:facts.needsFile'));
    return USAGE;
  }
  const read = await readJsonFile(file);
  if (!read.ok) return session.report(read);
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const imported = await store.importData(read.value.data, parsed.values.actor ?? 'cli');
  await store.close();
  if (!imported.ok) return session.report(imported);
  io.out(session.t('cli:import.done', { ...imported.value, file }));
  return 0;
};
