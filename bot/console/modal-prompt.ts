import type { ModalField, ModalSpec, Translate } from '../../commands/index.ts';
import type { LineSource } from './lines.ts';

export type ModalAnswer = { ok: true; fields: Record<string, string> } | { ok: false; message: string };

/** `\n` typed in a value stands for a line break (a paragraph field on one console line). */
const unescapeBreaks = (value: string) => value.replace(/\\n/g, '\n');
const shown = (value: string) => value.replace(/\n/g, '\\n');

const fieldFor = (spec: ModalSpec, name: string): ModalField | undefined => {
  const lowered = name.trim().toLowerCase();
  return spec.fields.find(
    (field) => field.customId.toLowerCase() === lowered || field.label.toLowerCase() === lowered,
  );
};

/** Checks the values as Discord's modal would (required fields, maximum lengths). */
function checkFields(spec: ModalSpec, values: Record<string, string>, t: Translate): ModalAnswer {
  for (const field of spec.fields) {
    const value = values[field.customId] ?? '';
    if ((field.required ?? true) && value.trim() === '') {
      return { ok: false, message: t('console:modal.required', { field: field.customId }) };
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) {
      return {
        ok: false,
        message: t('console:modal.tooLong', { field: field.customId, max: field.maxLength }),
      };
    }
  }
  return { ok: true, fields: values };
}

const prefilled = (spec: ModalSpec): Record<string, string> =>
  Object.fromEntries(spec.fields.map((field) => [field.customId, field.value ?? '']));

/**
 * At a terminal: one prompt per field showing its current value; an empty answer keeps it.
 * Piped: the following lines `field: value` (custom id or label), up to an empty line, the next `/command`
 * or the end of input; fields not given keep their prefilled values.
 */
export async function promptModal(
  spec: ModalSpec,
  lines: LineSource,
  interactive: boolean,
  t: Translate,
  print: (text: string) => void,
): Promise<ModalAnswer> {
  const values = prefilled(spec);
  if (interactive) {
    print(t('console:modal.title', { title: spec.title }));
    for (const field of spec.fields) {
      const current = values[field.customId] ?? '';
      const prompt = current
        ? t('console:modal.promptWithValue', { label: field.label, value: shown(current) })
        : t('console:modal.prompt', { label: field.label });
      const answer = await lines.next(`${prompt} `);
      if (answer === undefined) return { ok: false, message: t('console:modal.cancelled') };
      if (answer.trim() !== '') values[field.customId] = unescapeBreaks(answer);
    }
    return checkFields(spec, values, t);
  }
  for (;;) {
    const line = await lines.next('');
    if (line === undefined || line.trim() === '') break;
    if (line.trimStart().startsWith('/')) {
      lines.unread(line);
      break;
    }
    const match = /^([^:]+):\s?(.*)$/s.exec(line);
    const field = match ? fieldFor(spec, match[1]!) : undefined;
    if (!match || !field) {
      const fields = spec.fields.map((candidate) => candidate.customId).join(', ');
      return { ok: false, message: t('console:modal.unknownField', { line, fields }) };
    }
    values[field.customId] = unescapeBreaks(match[2]!);
  }
  return checkFields(spec, values, t);
}
