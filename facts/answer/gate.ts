import type { Lang } from '../schema/index.ts';
import { isWrittenIn, scoreLanguages } from './language.ts';
import { findUnsafe, type UnsafeKind } from './safety.ts';

/** Why an LLM text may not be shown, before its numbers are even read. */
export type GateVerdict =
  | { ok: true }
  | { ok: false; code: 'llmUnsafe'; kinds: UnsafeKind[] }
  | { ok: false; code: 'llmWrongLanguage'; scores: { fr: number; en: number } };

/**
 * The checks every LLM text passes before the number verifier reads it, shared by `/ask` and the LLM digest: no
 * link, mention, heading or code block (`llmUnsafe`), and written in the reader's language (`llmWrongLanguage`).
 */
export function gateLlmText(text: string, lang: Lang): GateVerdict {
  const kinds = findUnsafe(text);
  if (kinds.length > 0) return { ok: false, code: 'llmUnsafe', kinds };
  if (!isWrittenIn(text, lang)) {
    const { fr, en } = scoreLanguages(text);
    return { ok: false, code: 'llmWrongLanguage', scores: { fr, en } };
  }
  return { ok: true };
}
