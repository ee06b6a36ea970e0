import type { LlmClient } from '../../facts/answer/types.ts';
import { type DraftFact, withTranslation } from '../../facts/draft/index.ts';
import type { FailureDetail } from '../../facts/result.ts';
import type { Entity, Lang } from '../../facts/schema/index.ts';
import type { Translator } from '../i18n.ts';

/** What became of one draft's translation: kept, refused with the checks' problems, or the call failed. */
export type TranslationOutcome =
  | { id: string; outcome: 'kept' }
  | { id: string; outcome: 'refused'; problems: FailureDetail[] }
  | { id: string; outcome: 'failed'; code: string };

const TEXT_TAG = /^<text>\s*([\s\S]*?)\s*<\/text>$/;

/**
 * Asks Claude for each draft's other language, one call per draft, and keeps a translation only when it has the
 * same placeholders and bilingual parity holds; otherwise the draft still needs a translation. The source words go
 * to the model as data between tags, never as instructions.
 */
export async function translateDrafts(
  drafts: readonly DraftFact[],
  source: Lang,
  llm: LlmClient,
  t: Translator,
  entities: readonly Entity[] = [],
): Promise<{ drafts: DraftFact[]; outcomes: TranslationOutcome[] }> {
  const target: Lang = source === 'fr' ? 'en' : 'fr';
  const languages = { from: t(`llm:languageName.${source}`), to: t(`llm:languageName.${target}`) };
  const system = t('llm:translateSystem', languages);
  const outcomes: TranslationOutcome[] = [];
  const out: DraftFact[] = [];
  for (const draft of drafts) {
    const words = draft.text[source];
    if (!draft.needsTranslation || !words || draft.duplicateOf) {
      out.push(draft);
      continue;
    }
    const user = `<text>${words}</text>\n\n${t(draft.quote ? 'llm:translateQuoteTask' : 'llm:translateTask', languages)}`;
    const reply = await llm.complete({ system, user, maxTokens: 600 });
    if (!reply.ok) {
      outcomes.push({ id: draft.id, outcome: 'failed', code: reply.code });
      out.push(draft);
      continue;
    }
    const text = TEXT_TAG.exec(reply.text.trim())?.[1] ?? reply.text.trim();
    const checked = withTranslation(draft, target, text, entities);
    outcomes.push(
      checked.problems.length
        ? { id: draft.id, outcome: 'refused', problems: checked.problems }
        : { id: draft.id, outcome: 'kept' },
    );
    out.push(checked.draft);
  }
  return { drafts: out, outcomes };
}
