import type { FactKind, FactStatus } from '../../facts/schema/index.ts';
import { asTranslate } from '../i18n.ts';
import { openCliStore, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { subcommandNames } from './main.ts';

/** `briefing` with no arguments: what the store holds and what can be run. */
export const run: Subcommand = async (_args, io) => {
  const session = await startCli(io);
  if (!session) return 2;
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const { t } = session;
  const counts = new Map<string, number>();
  for (const fact of store.listFacts()) {
    const key = `${fact.kind}/${fact.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kinds: FactKind[] = ['figure', 'quote', 'event'];
  const statuses: FactStatus[] = ['verified', 'draft', 'retired'];
  const lines = [t('cli:overview.title'), t('cli:overview.dataFile', { dir: session.config.dataDir })];
  for (const kind of kinds) {
    const parts = statuses.map((status) =>
      t(`cli:status.${status}`, { count: counts.get(`${kind}/${status}`) ?? 0 }),
    );
    lines.push(`  ${t(`cli:kind.${kind}`)}: ${parts.join(', ')}`);
  }
  lines.push(t('cli:overview.entities', { count: store.listEntities().length }));
  lines.push(t('cli:overview.languages'), '', t('cli:overview.subcommands'));
  const help = asTranslate(t);
  for (const name of subcommandNames()) lines.push(`  briefing ${name} — ${help(`cli:help.${name}`)}`);
  io.out(lines.join('\n'));
  await store.close();
  return 0;
};
