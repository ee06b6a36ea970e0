import { openCliStore, startCli } from './context.ts';
import type { Subcommand } from './io.ts';

/** `briefing facts export`: the whole store as JSON on stdout, `{ facts, entities }`, ready for `facts import`. */
export const run: Subcommand = async (_args, io) => {
  const session = await startCli(io);
  if (!session) return 2;
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const data = store.exportData();
  await store.close();
  io.out(JSON.stringify(data, null, 2));
  return 0;
};
