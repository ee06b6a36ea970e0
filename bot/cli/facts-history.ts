import { factChanges } from '../../facts/fact-changes.ts';
import { openCliStore } from './context.ts';
import type { Subcommand } from './io.ts';
import { startWithArgument } from './start.ts';

const OPTIONS = { json: { type: 'boolean' }, lang: { type: 'string' } } as const;

/** `briefing facts history <id> [--json]`: every change, oldest first. */
export const run: Subcommand = async (args, io) => {
  const started = await startWithArgument(args, OPTIONS, io, 'cli:facts.needsId');
  if (typeof started === 'number') return started;
  const { values, session, argument: id } = started;
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const exists = store.getFact(id);
  const entries = await store.history(id);
  await store.close();
  if (!exists) return session.report({ ok: false, code: 'factNotFound', params: { id } });
  if (values.json) {
    io.out(JSON.stringify(entries, null, 2));
    return 0;
  }
  for (const entry of entries) {
    const changes = factChanges(entry.before, entry.after, session.lang);
    const fields = changes.map((change) => change.field).join(', ') || '—';
    io.out(
      session.t('cli:history.line', {
        ...entry,
        version: entry.after.version,
        fields,
        note: entry.note ?? '',
      }),
    );
    const none = session.t('cli:history.none');
    for (const change of changes)
      io.out(
        session.t('cli:history.change', {
          field: change.field,
          from: change.from ?? none,
          to: change.to ?? none,
        }),
      );
  }
  return 0;
};
