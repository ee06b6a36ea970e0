import { z } from 'zod';
import { createVerifier, type VerifyReport } from '../../facts/verify/index.ts';
import type { Translator } from '../i18n.ts';
import { openCliStore, parseLangFlag, startCli } from './context.ts';
import { readAll, type Subcommand } from './io.ts';
import { runJsonl } from './jsonl.ts';
import { parseCli, USAGE } from './parse.ts';

const OPTIONS = { lang: { type: 'string' }, facts: { type: 'string' }, jsonl: { type: 'boolean' } } as const;

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  lang: z.enum(['fr', 'en']),
  text: z.string(),
  facts: z.array(z.string()).optional(),
});

/** `briefing verify --lang fr|en [--facts id,id]` (stdin → report, exit 1 when not ok) or `--jsonl`. */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, OPTIONS, io);
  if (!parsed) return USAGE;
  const lang = parseLangFlag(parsed.values.lang);
  const session = await startCli(io, lang.ok ? lang.value : undefined);
  if (!session) return USAGE;
  if (!lang.ok) {
    session.report(lang);
    return USAGE;
  }
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const facts = store.listFacts();
  const verifier = createVerifier(facts, store.listEntities(), { measures: store.listMeasures() });
  await store.close();
  const known = new Set(facts.map((fact) => fact.id));
  const unknownIds = (ids: readonly string[] | undefined) => (ids ?? []).filter((id) => !known.has(id));

  if (parsed.values.jsonl) {
    await runJsonl(io, LineSchema, (line) => {
      const missing = unknownIds(line.facts);
      if (missing.length) return { id: line.id, error: `unknown fact ids: ${missing.join(', ')}` };
      return { id: line.id, ...verifier.verify(line.text, line.lang, line.facts) };
    });
    return 0;
  }
  const factIds = parsed.values.facts
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const missing = unknownIds(factIds);
  if (missing.length)
    return session.report({ ok: false, code: 'factNotFound', params: { id: missing.join(', ') } });
  const report = verifier.verify(await readAll(io.stdin), lang.value ?? session.lang, factIds);
  io.out(describeReport(report, session.t));
  return report.ok ? 0 : 1;
};

function describeReport(report: VerifyReport, t: Translator): string {
  const lines = report.numbers.map((number) =>
    t('verify:line', {
      ...number,
      status: t(`verify:status.${number.status}`),
      reason: t(`verify:reason.${number.reason}`),
      factId: number.factId ?? '—',
    }),
  );
  lines.push(t(report.ok ? 'verify:ok' : 'verify:notOk', { count: report.numbers.length }));
  return lines.join('\n');
}
