import type { LlmClient } from '../../facts/answer/types.ts';
import {
  type DraftReport,
  type DraftSourceInfo,
  draftFacts,
  type WriteOutcome,
  writeDrafts,
} from '../../facts/draft/index.ts';
import { formatValue } from '../../facts/numbers/index.ts';
import type { FactRepository } from '../../facts/store/index.ts';
import type { Translator } from '../i18n.ts';
import { type TranslationOutcome, translateDrafts } from './translate.ts';

export interface DraftRun {
  report: DraftReport;
  translations: TranslationOutcome[];
  written: WriteOutcome[];
}

/**
 * Drafts a source against the store: the drafts in the source language, their other language from Claude when
 * a client is given (kept only when parity holds), and, with an actor, written as drafts by that actor.
 */
export async function draftSource(
  store: FactRepository,
  input: {
    text: string;
    source: DraftSourceInfo;
    llm?: LlmClient | undefined;
    t: Translator;
    write?: string | undefined;
  },
  today = new Date().toISOString().slice(0, 10),
): Promise<DraftRun> {
  const drafted = draftFacts({
    text: input.text,
    source: input.source,
    entities: store.listEntities(),
    facts: store.listFacts(),
    measures: store.listMeasures(),
    today,
  });
  let report = drafted;
  let translations: TranslationOutcome[] = [];
  if (input.llm) {
    const translated = await translateDrafts(
      drafted.drafts,
      input.source.lang,
      input.llm,
      input.t,
      store.listEntities(),
    );
    report = { ...drafted, drafts: translated.drafts };
    translations = translated.outcomes;
  }
  const written = input.write ? await writeDrafts(store, report.drafts, input.write) : [];
  return { report, translations, written };
}

/** The drafts as lines a moderator reads: id, kind, entities, values, and what the store already holds. */
export function printDraftReport(
  report: DraftReport,
  written: readonly WriteOutcome[],
  t: Translator,
  out: (line: string) => void,
): void {
  const lang = report.drafts[0]?.sources[0]?.lang ?? 'en';
  const done = new Map(written.map((outcome) => [outcome.id, outcome.outcome]));
  for (const draft of report.drafts) {
    const values =
      draft.values.map((value) => `${value.key} = ${formatValue(value, lang)}`).join(' · ') || '—';
    out(
      t('cli:draft.line', {
        id: draft.id,
        kind: t(`cli:draft.kind.${draft.kind}`),
        entities: draft.entities.join(', '),
        values,
      }),
    );
    out(t('cli:draft.sentence', { text: draft.span.text }));
    if (draft.duplicateOf) out(t('cli:draft.duplicate', { id: draft.duplicateOf }));
    if (draft.conflictsWith) out(t('cli:draft.conflict', { id: draft.conflictsWith }));
    if (draft.newEntities.length)
      out(
        t('cli:draft.newEntities', {
          entities: draft.newEntities.map((entity) => `${entity.id} (${entity.type})`).join(', '),
        }),
      );
    if (draft.needsTranslation) out(t('cli:draft.needsTranslation'));
    if (done.get(draft.id) === 'written') out(t('cli:draft.written'));
  }
  out(
    t('cli:draft.summary', {
      drafts: report.drafts.length,
      skipped: report.skipped.length,
      written: written.filter((outcome) => outcome.outcome === 'written').length,
    }),
  );
}
