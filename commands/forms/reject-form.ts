import type { ModalSpec, Translate } from '../index.ts';

/** `facts:reject:<id>:<version>`: the reason asked before a queued draft is rejected (retired) at the version read. */
export const buildRejectModal = (id: string, version: number, t: Translate): ModalSpec => ({
  customId: `facts:reject:${id}:${version}`,
  title: t('commands:facts.queue.rejectTitle', { id }).slice(0, 45),
  fields: [
    {
      customId: 'reason',
      label: t('commands:facts.options.reason.description').slice(0, 45),
      style: 'paragraph',
      required: true,
      maxLength: 500,
    },
  ],
});

/** The draft and version a reject form is for; undefined when the customId is another form's. */
export function readRejectTarget(customId: string): { id: string; version: number } | undefined {
  const [command, action, id, written] = customId.split(':');
  const version = Number(written);
  return command === 'facts' && action === 'reject' && id && Number.isInteger(version) && version >= 1
    ? { id, version }
    : undefined;
}
