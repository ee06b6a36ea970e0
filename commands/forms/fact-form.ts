import { ok, type Result } from '../../facts/result.ts';
import {
  type BilingualText,
  type FactKind,
  FactKindSchema,
  type FactValue,
  type Lang,
  LangSchema,
  type Quote,
  type Source,
} from '../../facts/schema/index.ts';
import type { ModalSpec, Translate } from '../index.ts';
import { parseDetails, printDetails } from './detail-lines.ts';
import { parseSourceLines, printSourceLines } from './source-lines.ts';
import { parseValueLines, printValueLines } from './value-lines.ts';

/** What a moderator writes in the fact form: the content of a fact, without its status and trail. */
export interface FactForm {
  text: BilingualText;
  values: FactValue[];
  sources: Source[];
  entities: string[];
  asOf: string;
  quote?: Quote;
}

/** What a form is for, carried in its customId: a new fact of a kind, or an edit of the version the author read. */
export type FormTarget =
  | { action: 'add'; id: string; kind: FactKind; lang: Lang }
  | { action: 'edit'; id: string; version: number; lang: Lang };

/** The form's five text inputs (Discord's maximum). */
export const FORM_FIELDS = ['text_fr', 'text_en', 'values', 'sources', 'details'] as const;

/** `facts:add:<id>:<kind>:<lang>` or `facts:edit:<id>:<version>:<lang>` (at most 100 characters for an 80-character id). */
export const formCustomId = (target: FormTarget): string =>
  `facts:${target.action}:${target.id}:${target.action === 'add' ? target.kind : target.version}:${target.lang}`;

/** Reads a form's customId back; undefined when it is not one of ours. */
export function readFormTarget(customId: string): FormTarget | undefined {
  const [command, action, id, extra, written] = customId.split(':');
  const lang = LangSchema.safeParse(written);
  if (command !== 'facts' || !id || !lang.success) return undefined;
  const kind = FactKindSchema.safeParse(extra);
  if (action === 'add' && kind.success) return { action, id, kind: kind.data, lang: lang.data };
  const version = Number(extra);
  if (action === 'edit' && Number.isInteger(version) && version >= 1)
    return { action, id, version, lang: lang.data };
  return undefined;
}

/**
 * The form as a modal, prefilled with what is known (everything, for an edit): raw texts with their `{key}`
 * placeholders, values written as a reader writes them in the form's language, source lines and details.
 */
export function buildFactModal(
  target: FormTarget,
  kind: FactKind,
  form: Partial<FactForm>,
  t: Translate,
  typed?: Record<string, string>,
): ModalSpec {
  const pending = (form as { needsTranslation?: Lang }).needsTranslation;
  // What the author typed in a refused form wins over the stored content it was meant to replace.
  const field = (name: (typeof FORM_FIELDS)[number], stored: string, required = true) => {
    const value = typed?.[name] ?? stored;
    return {
      customId: name,
      label: t(`commands:facts.form.${name}`),
      style: 'paragraph' as const,
      required,
      maxLength: 4000,
      ...(value ? { value } : {}),
    };
  };
  const title =
    target.action === 'add'
      ? t('commands:facts.form.addTitle', { kind: t(`commands:common.kind.${kind}`) })
      : t('commands:facts.form.editTitle', { version: target.version });
  return {
    customId: formCustomId(target),
    title,
    fields: [
      // A language awaiting its translation holds the source's words: the form asks for it, empty.
      field('text_fr', pending === 'fr' ? '' : (form.text?.fr ?? '')),
      field('text_en', pending === 'en' ? '' : (form.text?.en ?? '')),
      field('values', printValueLines(form.values ?? [], target.lang), false),
      field('sources', printSourceLines(form.sources ?? [])),
      field('details', printDetails(form, kind)),
    ],
  };
}

/** Reads a submitted form; the first problem found fails, naming its field and line. */
export function readFactForm(
  fields: Record<string, string>,
  kind: FactKind,
  lang: Lang,
  previous: readonly FactValue[] = [],
): Result<FactForm> {
  const values = parseValueLines(fields.values ?? '', lang, previous);
  if (!values.ok) return values;
  const sources = parseSourceLines(fields.sources ?? '');
  if (!sources.ok) return sources;
  const details = parseDetails(fields.details ?? '', kind);
  if (!details.ok) return details;
  const text = { fr: (fields.text_fr ?? '').trim(), en: (fields.text_en ?? '').trim() };
  return ok({ text, values: values.value, sources: sources.value, ...details.value });
}
