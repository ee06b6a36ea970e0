import type { FailureDetail } from '../result.ts';
import { type Entity, type Fact, type Lang, PLACEHOLDER } from '../schema/index.ts';
import { checkParity } from '../verify/parity.ts';
import type { DraftFact } from './types.ts';

const placeholdersOf = (text: string) => [...text.matchAll(PLACEHOLDER)].map((match) => match[0]).sort();

/**
 * Whether a translation of a draft may be kept: the same `{key}` placeholders as the source words (each as often),
 * and bilingual parity (every number of each rendered text is a value, every value in both). Returns the problems.
 */
export function translationProblems(
  draft: DraftFact,
  lang: Lang,
  translation: string,
  entities: readonly Entity[] = [],
): FailureDetail[] {
  const sourceLang: Lang = lang === 'fr' ? 'en' : 'fr';
  const source = draft.text[sourceLang] ?? '';
  const wanted = placeholdersOf(source).join(' ');
  const found = placeholdersOf(translation).join(' ');
  if (!translation.trim()) return [`text.${lang}: empty`];
  const problems =
    wanted === found ? [] : [`text.${lang}: placeholders ${found || '—'} instead of ${wanted || '—'}`];
  const text = { [sourceLang]: source, [lang]: translation } as Fact['text'];
  // Parity reads only the texts and values; the rest of a fact plays no part in it.
  // The draft's new names count too: "Hut 8" is a company, not the number 8.
  const names = [...entities, ...(draft.newEntities as readonly Entity[])];
  return [...problems, ...checkParity({ text, values: draft.values } as unknown as Fact, names)];
}

/** The draft with its other language written, or unchanged with the problems when the translation fails the checks. */
export function withTranslation(
  draft: DraftFact,
  lang: Lang,
  translation: string,
  entities: readonly Entity[] = [],
): { draft: DraftFact; problems: FailureDetail[] } {
  const problems = translationProblems(draft, lang, translation.trim(), entities);
  if (problems.length) return { draft, problems };
  return {
    draft: { ...draft, text: { ...draft.text, [lang]: translation.trim() }, needsTranslation: false },
    problems,
  };
}
