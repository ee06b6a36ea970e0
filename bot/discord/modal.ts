import type { APIModalInteractionResponseCallbackData, ModalSubmitInteraction } from 'discord.js';
import type { ModalSpec } from '../../commands/index.ts';
import { truncate } from '../../commands/render/text.ts';

/** Discord's limits for a modal and its text inputs. */
export const MODAL_LIMITS = { customId: 100, title: 45, label: 45, value: 4000, fields: 5 } as const;

/** A modal spec as Discord JSON: one text input per action row, texts truncated to Discord's limits. */
export function toDiscordModal(spec: ModalSpec): APIModalInteractionResponseCallbackData {
  if (spec.customId.length > MODAL_LIMITS.customId)
    throw new Error(`modal customId longer than 100: ${spec.customId}`);
  if (spec.fields.length > MODAL_LIMITS.fields)
    throw new Error(`modal ${spec.customId} has more than 5 fields`);
  return {
    custom_id: spec.customId,
    title: truncate(spec.title, MODAL_LIMITS.title),
    components: spec.fields.map((field) => ({
      type: 1,
      components: [
        {
          type: 4,
          custom_id: field.customId,
          label: truncate(field.label, MODAL_LIMITS.label),
          style: field.style === 'paragraph' ? 2 : 1,
          required: field.required ?? true,
          ...(field.value ? { value: field.value.slice(0, field.maxLength ?? MODAL_LIMITS.value) } : {}),
          ...(field.maxLength ? { max_length: Math.min(field.maxLength, MODAL_LIMITS.value) } : {}),
        },
      ],
    })),
  };
}

/** The text values of a submitted modal, by field customId (action-row and Label layouts alike). */
export function readModalFields(interaction: ModalSubmitInteraction): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [customId, component] of interaction.fields.fields) {
    if ('value' in component && typeof component.value === 'string') fields[customId] = component.value;
  }
  return fields;
}
