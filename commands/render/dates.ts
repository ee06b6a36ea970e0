import { dateTimeFormat } from '../../facts/intl-cache.ts';
import type { Lang } from '../../facts/schema/index.ts';

/**
 * A stored calendar date (`2025-11-18`) or timestamp as a reader writes it: `18 novembre 2025`, `November 18, 2025`;
 * `medium` where space is short (the digest): `18 nov. 2025`, `Nov 18, 2025`. The one date formatter of the project.
 */
export function formatDate(iso: string, lang: Lang, style: 'long' | 'medium' = 'long'): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/** A timestamp with its time, in UTC since the reader's zone is unknown: `18 nov. 2025, 14:05 UTC`. */
export function formatTimestamp(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
}
