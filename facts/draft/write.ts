import type { Result } from '../result.ts';
import type { Entity, Fact, FactValue, Lang } from '../schema/index.ts';
import type { FactRepository, NewFact } from '../store/index.ts';
import type { DraftFact, DraftValue } from './types.ts';

/**
 * A draft value as the store keeps it. A proposed measure is not in the registry, so the value is stored without
 * one (its key still names it, and the verifier makes no measure check) until a moderator adds the measure.
 */
const storedValue = (value: DraftValue): FactValue => {
  if (value.kind === 'date') return value;
  const { newMeasure, measure, ...kept } = value;
  return (newMeasure ? kept : { ...kept, measure }) as FactValue;
};

/**
 * A draft as a new fact. A language still to translate holds the source words and is marked `needsTranslation`, so
 * the form asks for it and the fact cannot be verified before.
 */
export function draftToNewFact(draft: DraftFact): NewFact {
  const source: Lang = draft.sources[0]!.lang;
  const other: Lang = source === 'fr' ? 'en' : 'fr';
  let words = draft.text[source] ?? draft.text[other] ?? '';
  let translated = draft.text[other];
  const missing = translated ? undefined : other;
  // A period the words name ("third-quarter results") is a date value of the stored fact, so parity reads it.
  const periods: FactValue[] = [];
  for (const [index, mention] of (draft.periodMentions ?? []).entries()) {
    const key = index ? `period${index + 1}` : 'period';
    if (!words.includes(mention.text)) continue;
    words = words.replace(mention.text, `{${key}}`);
    if (translated?.includes(mention.text)) translated = translated.replace(mention.text, `{${key}}`);
    periods.push({ key, kind: 'date', date: mention.period, qualifier: 'exact' });
  }
  return {
    id: draft.id,
    kind: draft.kind,
    entities: draft.entities,
    values: [...draft.values.map(storedValue), ...periods],
    text: { [source]: words, [other]: translated ?? words } as Fact['text'],
    ...(draft.quote ? { quote: draft.quote } : {}),
    ...(missing ? { needsTranslation: missing } : {}),
    sources: draft.sources,
    asOf: draft.asOf,
  };
}

/** The note a drafted fact is created with: the source sentence reviewers read beside it, and what it contradicts. */
export function draftNote(draft: DraftFact): string {
  const conflict = draft.conflictsWith ? ` ≠ ${draft.conflictsWith}` : '';
  const room = 480 - conflict.length;
  const sentence = draft.span.text.length > room ? `${draft.span.text.slice(0, room - 1)}…` : draft.span.text;
  return `«${sentence}»${conflict}`;
}

/** What became of each draft on `--write`: written, held back as a repeat, or refused by the store. */
export type WriteOutcome =
  | { id: string; outcome: 'written'; fact: Fact }
  | { id: string; outcome: 'duplicate'; of: string }
  | { id: string; outcome: 'refused'; failure: Result<never> & { ok: false } };

/**
 * Writes drafts to the store as drafts by the actor, audited, nothing verified: the new entities they propose
 * first (as draft entities), then each fact that repeats nothing stored. A conflicting draft is written as a draft
 * of its own, for review beside the fact it contradicts; nothing stored is overwritten.
 */
export async function writeDrafts(
  store: Pick<FactRepository, 'add' | 'addEntity' | 'listEntities'>,
  drafts: readonly DraftFact[],
  actor: string,
): Promise<WriteOutcome[]> {
  const known = new Set(store.listEntities().map((entity: Entity) => entity.id));
  const outcomes: WriteOutcome[] = [];
  for (const draft of drafts) {
    if (draft.duplicateOf) {
      outcomes.push({ id: draft.id, outcome: 'duplicate', of: draft.duplicateOf });
      continue;
    }
    // Companies and people before the sites affiliated with them.
    const proposals = [...draft.newEntities].sort(
      (a, b) => Number(a.type === 'place') - Number(b.type === 'place'),
    );
    for (const proposed of proposals) {
      if (known.has(proposed.id)) continue;
      const added = await store.addEntity(proposed, actor);
      if (added.ok) known.add(proposed.id);
    }
    const written = await store.add(draftToNewFact(draft), actor, draftNote(draft));
    outcomes.push(
      written.ok
        ? { id: draft.id, outcome: 'written', fact: written.value }
        : { id: draft.id, outcome: 'refused', failure: written },
    );
  }
  return outcomes;
}
