import { formatValue } from './numbers/index.ts';
import type { Fact, FactValue, Lang } from './schema/index.ts';

/** One field or value an audit entry changed, old → new as a reader reads them; `null` where there was none. */
export interface FieldChange {
  /** `text.fr`, `values.netLoss`, `entities`, `sources`, `status`, `asOf`… */
  field: string;
  from: string | null;
  to: string | null;
}

/** Bookkeeping that changes on every write; the entry's action and actor already say it. */
const BOOKKEEPING = new Set([
  'version',
  'updatedAt',
  'updatedBy',
  'verifiedAt',
  'verifiedBy',
  'createdAt',
  'createdBy',
]);

const valueText = (value: FactValue, lang: Lang) => {
  const number = formatValue(value, lang);
  const period = value.kind === 'quantity' && value.period ? ` @ ${value.period}` : '';
  const measure =
    value.kind === 'quantity' && value.measure && value.measure !== value.key ? ` (${value.measure})` : '';
  return `${number}${period}${measure}`;
};

const plain = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return JSON.stringify(value);
};

const sourceText = (sources: Fact['sources'] | undefined) =>
  sources
    ?.map((source) => `${source.title} — ${source.publisher}, ${source.date}, ${source.locator}`)
    .join(' | ') ?? null;

/**
 * Every field and value an entry changed, old → new: each language's text, each value by key (added, removed or
 * changed, written as the reader's language writes it), entities, sources, quote, date and status. The one
 * implementation behind every history view (Discord, console, CLI). None for a creation.
 */
export function factChanges(before: Fact | null, after: Fact, lang: Lang): FieldChange[] {
  if (!before) return [];
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    if (BOOKKEEPING.has(key)) continue;
    const old = (before as Record<string, unknown>)[key];
    const now = (after as Record<string, unknown>)[key];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    if (key === 'text') {
      for (const side of ['fr', 'en'] as const)
        if (before.text[side] !== after.text[side])
          changes.push({ field: `text.${side}`, from: before.text[side], to: after.text[side] });
    } else if (key === 'values') {
      const ids = [...new Set([...before.values, ...after.values].map((value) => value.key))];
      for (const id of ids) {
        const was = before.values.find((value) => value.key === id);
        const is = after.values.find((value) => value.key === id);
        if (JSON.stringify(was) === JSON.stringify(is)) continue;
        changes.push({
          field: `values.${id}`,
          from: was ? valueText(was, lang) : null,
          to: is ? valueText(is, lang) : null,
        });
      }
    } else if (key === 'sources') {
      changes.push({ field: key, from: sourceText(before.sources), to: sourceText(after.sources) });
    } else changes.push({ field: key, from: plain(old), to: plain(now) });
  }
  return changes;
}
