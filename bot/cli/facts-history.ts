import { openCliStore } from './context.ts';
import type { Subcommand } from './io.ts';
import { startWithArgument } from './start.ts';

const OPTIONS = { json: { type: 'boolean' }, lang: { type: 'string' } } as const;

/** Names of the top-level fields an audit entry changed, so a reader sees what moved without a full diff. */
export function changedFields(before: object | null, after: object): string[] {
  if (!before) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const ignored = new Set(['version', 'updatedAt', 'updatedBy']);
  return [...keys].filter(
    (key) =>
      !ignored.has(key) &&
      JSON.stringify((before as Record<string, unknown>)[key]) !==
        JSON.stringify((after as Record<string, unknown>)[key]),
  );
}

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
    const fields = changedFields(entry.before, entry.after).join(', ') || '—';
    io.out(
      session.t('cli:history.line', {
        ...entry,
        version: entry.after.version,
        fields,
        note: entry.note ?? '',
      }),
    );
  }
  return 0;
};
