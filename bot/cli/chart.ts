import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildChartReply } from '../../commands/chart.ts';
import { CommandError } from '../../commands/index.ts';
import { createFactIndex } from '../../facts/search/index.ts';
import { createChartRenderer } from '../chart/cache.ts';
import { secretsOf } from '../config.ts';
import { asTranslate } from '../i18n.ts';
import { createLogger } from '../log.ts';
import { openCliStore, parseLangFlag, startCli } from './context.ts';
import type { Subcommand } from './io.ts';
import { parseCli, USAGE } from './parse.ts';

const OPTIONS = {
  lang: { type: 'string' },
  out: { type: 'string' },
  theme: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** `briefing chart "<query>" --lang fr|en --out <file.png> [--theme dark|light] [--json]`: the `/chart` picture as a file. */
export const run: Subcommand = async (args, io) => {
  const parsed = await parseCli(args, OPTIONS, io);
  if (!parsed) return USAGE;
  const lang = parseLangFlag(parsed.values.lang);
  const session = await startCli(io, lang.ok ? lang.value : undefined);
  if (!session) return USAGE;
  const query = parsed.positionals.join(' ').trim();
  const { out, theme = 'dark' } = parsed.values;
  if (!lang.ok || !query || !out || (theme !== 'dark' && theme !== 'light')) {
    io.err(session.t('cli:chart.usage'));
    return USAGE;
  }
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const log = createLogger({
    level: session.config.BRIEFING_LOG_LEVEL,
    secrets: secretsOf(session.config),
    write: io.err,
  });
  const services = {
    store,
    search: createFactIndex(store.listFacts(), store.listEntities()),
    charts: createChartRenderer(1),
    log,
  };
  try {
    const ctx = { lang: session.lang, t: asTranslate(session.t), services };
    const { plan, drawn } = await buildChartReply(ctx, query, theme);
    const file = resolve(out);
    await writeFile(file, drawn.png);
    const facts = [...new Set(plan.data.bars.map((bar) => bar.fact.id))];
    io.out(
      parsed.values.json
        ? JSON.stringify({
            file,
            alt: plan.texts.alt,
            facts,
            numbers: plan.check.numbers,
            verified: plan.check.ok,
          })
        : session.t('cli:chart.written', { file, alt: plan.texts.alt }),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    return session.report({ ok: false, code: error.code, params: error.params });
  } finally {
    await store.close();
  }
};
