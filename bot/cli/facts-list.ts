import { renderFactText } from '../../facts/numbers/index.ts';
import { FactKindSchema, FactStatusSchema } from '../../facts/schema/index.ts';
import { openCliStore, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { parseCli, USAGE } from './parse.ts';

const OPTIONS = {
  json: { type: 'boolean' },
  kind: { type: 'string' },
  entity: { type: 'string' },
  status: { type: 'string' },
  lang: { type: 'string' },
} as const;

/** `briefing facts list [--json] [--kind] [--entity] [--status] [--lang fr|en]` */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, OPTIONS, io);
  if (!parsed) return USAGE;
  const { values } = parsed;
  const session = await startCli(io, values.lang);
  if (!session) return USAGE;
  const kind = values.kind === undefined ? undefined : FactKindSchema.safeParse(values.kind);
  const status = values.status === undefined ? undefined : FactStatusSchema.safeParse(values.status);
  if (kind?.success === false || status?.success === false) {
    io.err(
      session.t('cli:badUsage', {
        message: `--kind ${FactKindSchema.options.join('|')}, --status ${FactStatusSchema.options.join('|')}`,
      }),
    );
    return USAGE;
  }
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const facts = store.listFacts({ kind: kind?.data, status: status?.data, entity: values.entity });
  await store.close();
  if (values.json) {
    io.out(JSON.stringify(facts, null, 2));
    return 0;
  }
  for (const fact of facts) {
    io.out(
      `${fact.id}  [${session.t(`cli:kind.${fact.kind}`)} · ${session.t(`cli:statusName.${fact.status}`)}]\n  ${renderFactText(fact, session.lang)}`,
    );
  }
  io.out(session.t('cli:facts.count', { count: facts.length }));
  return 0;
};
