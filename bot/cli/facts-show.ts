import { formatValue, renderFactText } from '../../facts/numbers/index.ts';
import type { Fact, Lang } from '../../facts/schema/index.ts';
import type { Translator } from '../i18n.ts';
import { openCliStore } from './context.ts';
import type { Subcommand } from './io.ts';
import { startWithArgument } from './start.ts';

const OPTIONS = { json: { type: 'boolean' }, lang: { type: 'string' } } as const;

/** A fact as a moderator reads it in a terminal: both texts, values, sources and its trail. */
export function describeFact(fact: Fact, lang: Lang, t: Translator): string {
  const lines = [
    `${fact.id}  [${t(`cli:kind.${fact.kind}`)} · ${t(`cli:statusName.${fact.status}`)} · v${fact.version}]`,
    `  fr: ${renderFactText(fact, 'fr')}`,
    `  en: ${renderFactText(fact, 'en')}`,
  ];
  if (fact.quote)
    lines.push(`  ${t('cli:fact.original', { lang: fact.quote.original, speaker: fact.quote.speaker })}`);
  for (const value of fact.values) lines.push(`  ${value.key}: ${formatValue(value, lang)}`);
  lines.push(`  ${t('cli:fact.entities', { entities: fact.entities.join(', ') })}`);
  for (const source of fact.sources) {
    lines.push(`  ${t('cli:fact.source', { ...source, url: source.url ? ` — ${source.url}` : '' })}`);
  }
  lines.push(
    `  ${t('cli:fact.trail', { ...fact, verifiedBy: fact.verifiedBy ?? '—', verifiedAt: fact.verifiedAt ?? '—' })}`,
  );
  return lines.join('\n');
}

/** `briefing facts show <id> [--json] [--lang fr|en]` */
export const run: Subcommand = async (args, io) => {
  const started = await startWithArgument(args, OPTIONS, io, 'cli:facts.needsId');
  if (typeof started === 'number') return started;
  const { values, session, argument: id } = started;
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const fact = store.getFact(id);
  await store.close();
  if (!fact) return session.report({ ok: false, code: 'factNotFound', params: { id } });
  io.out(values.json ? JSON.stringify(fact, null, 2) : describeFact(fact, session.lang, session.t));
  return 0;
};
