import type { DraftReport } from '../../facts/draft/index.ts';
import type { FailureDetail } from '../../facts/result.ts';
import { IsoDateSchema } from '../../facts/schema/index.ts';
import { llmFromConfig } from '../answerer.ts';
import { draftSource, printDraftReport } from '../drafting/draft-source.ts';
import type { TranslationOutcome } from '../drafting/translate.ts';
import { describeProblem } from '../errors.ts';
import type { Translator } from '../i18n.ts';
import { loadSource } from '../sources/load-source.ts';
import { openCliStore, parseLangFlag } from './context.ts';
import type { Subcommand } from './io.ts';
import { USAGE } from './parse.ts';
import { startWithArgument } from './start.ts';

const OPTIONS = {
  lang: { type: 'string' },
  title: { type: 'string' },
  publisher: { type: 'string' },
  date: { type: 'string' },
  url: { type: 'string' },
  json: { type: 'boolean' },
  write: { type: 'boolean' },
  actor: { type: 'string' },
} as const;

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * `briefing facts draft <file|url> --lang fr|en [--title] [--publisher] [--date] [--url] [--json] [--write --actor]`:
 * a draft fact per checkworthy sentence, compared with the store; `--write` adds them as drafts, nothing verified.
 */
export const run: Subcommand = async (args, io) => {
  const started = await startWithArgument(args, OPTIONS, io, 'cli:draft.needsFile');
  if (typeof started === 'number') return started;
  const { values, session, argument } = started;
  const lang = parseLangFlag(values.lang);
  if (!lang.ok || !lang.value) {
    if (lang.ok) io.err(session.t('cli:draft.needsLang'));
    else session.report(lang);
    return USAGE;
  }
  if (values.date !== undefined && !IsoDateSchema.safeParse(values.date).success) {
    session.report({ ok: false, code: 'badDate', params: { value: values.date } });
    return USAGE;
  }
  if (values.url !== undefined && !isHttpUrl(values.url)) {
    session.report({ ok: false, code: 'badUrl', params: { value: values.url } });
    return USAGE;
  }
  if (values.write && !values.actor?.trim()) {
    io.err(session.t('cli:draft.needsActor'));
    return USAGE;
  }
  const loaded = await loadSource(argument);
  if (!loaded.ok) return session.report(loaded);
  const store = await openCliStore(session, io);
  if (!store) return 1;
  const title = values.title ?? loaded.value.title;
  const url = values.url ?? loaded.value.url;
  const drafted = await draftSource(store, {
    text: loaded.value.text,
    source: {
      lang: lang.value,
      ...(title ? { title } : {}),
      ...(values.publisher ? { publisher: values.publisher } : {}),
      ...(values.date ? { date: values.date } : {}),
      ...(url ? { url } : {}),
    },
    llm: llmFromConfig(session.config),
    t: session.t,
    write: values.write ? values.actor!.trim() : undefined,
  });
  await store.close();
  for (const outcome of drafted.translations)
    if (outcome.outcome !== 'kept')
      io.err(session.t(`cli:draft.translation.${outcome.outcome}`, toParams(outcome, session.t)));
  for (const outcome of drafted.written)
    if (outcome.outcome === 'refused')
      io.err(
        session.t('cli:draft.refused', {
          id: outcome.id,
          problems: wordsOf(outcome.failure.details ?? [outcome.failure.code], session.t),
        }),
      );
  if (values.json) {
    io.out(JSON.stringify(jsonShape(drafted.report)));
    return 0;
  }
  printDraftReport(drafted.report, drafted.written, session.t, io.out);
  return 0;
};

/** Problems as the reader's words: a coded problem through `errors:problem.*`, a text one as it is. */
const wordsOf = (details: readonly FailureDetail[], t: Translator) =>
  details.map((detail) => (typeof detail === 'string' ? detail : describeProblem(detail, t))).join('; ');

const toParams = (outcome: TranslationOutcome, t: Translator) => ({
  id: outcome.id,
  problems: outcome.outcome === 'refused' ? wordsOf(outcome.problems, t) : '',
  code: outcome.outcome === 'failed' ? outcome.code : '',
});

/** The `--json` contract: `{"drafts":[…],"skipped":[{"span","reason"}]}`, keys in the documented order. */
export function jsonShape(report: DraftReport) {
  return {
    drafts: report.drafts.map((draft) => ({
      id: draft.id,
      kind: draft.kind,
      entities: draft.entities,
      newEntities: draft.newEntities,
      values: draft.values,
      text: { fr: draft.text.fr, en: draft.text.en },
      needsTranslation: draft.needsTranslation,
      ...(draft.quote ? { quote: draft.quote } : {}),
      sources: draft.sources,
      asOf: draft.asOf,
      span: draft.span,
      duplicateOf: draft.duplicateOf,
      conflictsWith: draft.conflictsWith,
    })),
    skipped: report.skipped,
  };
}
