import type { Lang, Source } from '../schema/index.ts';
import type { PlacedValue } from './sentence-values.ts';
import { slugOf, wordsOf } from './text.ts';
import type { DraftFact, DraftValue, ProposedEntity, SourceSpan } from './types.ts';

/** Gives each value a key of its own within a draft: its measure, then `netLoss2`, `netLoss3`… */
export function keyValues(placed: readonly PlacedValue[]): PlacedValue[] {
  const used = new Map<string, number>();
  return placed.map((item) => {
    const base = item.value.key;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    const key = count === 1 ? base : `${base}${count}`;
    return { ...item, value: { ...item.value, key } as DraftValue };
  });
}

/** The source words of a span with `{key}` where each value was written. */
export function withPlaceholders(
  text: string,
  span: { start: number; end: number },
  placed: readonly PlacedValue[],
) {
  let out = '';
  let at = span.start;
  for (const item of [...placed].sort((a, b) => a.start - b.start)) {
    if (item.start < at || item.end > span.end) continue;
    out += `${text.slice(at, item.start)}{${item.value.key}}`;
    at = item.end;
  }
  // A clause cut from its sentence keeps no dangling comma or semicolon.
  return (out + text.slice(at, span.end)).trim().replace(/[\s,;:]+$/u, '');
}

const kebab = (camel: string) => camel.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** A readable, unused id: who, what and when (`bitdeer-revenue-2025-q3`), numbered past a taken one. */
export function draftId(parts: readonly (string | undefined)[], taken: Set<string>): string {
  const base = slugOf(parts.filter(Boolean).join(' ')).slice(0, 72).replace(/-+$/, '') || 'draft';
  let id = base.length >= 2 ? base : `draft-${base}`;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export const idParts = (
  kind: DraftFact['kind'],
  who: string | undefined,
  values: readonly DraftValue[],
  words: string,
) => {
  const first = values.find((value) => value.kind === 'quantity') ?? values[0];
  if (kind === 'figure' && first?.kind === 'quantity') return [who, kebab(first.measure), first.period];
  const date = values.find((value) => value.kind === 'date');
  const gist = wordsOf(words)
    .map((word) => word.word)
    .filter((word) => word.length > 3 && !/[{}\d]/.test(word))
    .slice(0, 4)
    .join(' ');
  return kind === 'quote' ? ['quote', who, gist] : [who, gist, date?.kind === 'date' ? date.date : undefined];
};

export interface DraftParts {
  id: string;
  kind: DraftFact['kind'];
  entities: string[];
  proposals: ReadonlyMap<string, ProposedEntity>;
  values: DraftValue[];
  lang: Lang;
  words: string;
  quote?: { speaker: string; original: Lang };
  source: Source;
  asOf: string;
  span: SourceSpan;
}

/** A draft in the shape `--json` prints: the source language's words, the other to be translated. */
export function assembleDraft(parts: DraftParts): DraftFact {
  const other: Lang = parts.lang === 'fr' ? 'en' : 'fr';
  return {
    id: parts.id,
    kind: parts.kind,
    entities: parts.entities,
    newEntities: parts.entities.flatMap((id) => {
      const proposed = parts.proposals.get(id);
      return proposed ? [proposed] : [];
    }),
    values: parts.values,
    text: { [parts.lang]: parts.words, [other]: null } as DraftFact['text'],
    needsTranslation: true,
    ...(parts.quote ? { quote: parts.quote } : {}),
    sources: [parts.source],
    asOf: parts.asOf,
    span: parts.span,
    duplicateOf: null,
    conflictsWith: null,
  };
}
