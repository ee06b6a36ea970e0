import type { FormTarget } from './fact-form.ts';

/** A refused form as its author typed it, waiting for the "reopen" button. */
interface KeptForm {
  userId: string;
  target: FormTarget;
  fields: Record<string, string>;
}

/** How many refused forms are kept at once; the oldest go first (a form is only reopened soon after). */
const KEPT_MAX = 500;

const kept = new Map<string, KeptForm>();
let sequence = 0;

/** Keeps what a moderator typed in a refused form; returns the key its reopen button carries. */
export function keepForm(userId: string, target: FormTarget, fields: Record<string, string>): string {
  const key = `${++sequence}`;
  kept.set(key, { userId, target, fields: { ...fields } });
  while (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
  return key;
}

/** The kept form behind a key, only for the moderator who typed it. */
export function keptForm(key: string, userId: string): KeptForm | undefined {
  const form = kept.get(key);
  return form?.userId === userId ? form : undefined;
}
