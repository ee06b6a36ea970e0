import { listFormat } from '../../facts/intl-cache.ts';
import type { Translate } from '../index.ts';

/** Cuts a text to `max` characters, ending with an ellipsis when something was cut (choice names, field values). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  // Whole code points only, so an emoji or an accented letter is never cut in half.
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return `${kept.trimEnd()}…`;
}

/** Lines joined one per row, the first `max` of them, then a localized "and N more" line when some were left out. */
export function capLines(lines: readonly string[], max: number, t: Translate): string {
  const shown = lines.slice(0, max);
  if (lines.length > max) shown.push(t('commands:common.more', { count: lines.length - max }));
  return shown.join('\n');
}

/** Names joined the way the language lists them (`A, B et C` / `A, B, and C`). */
export const listNames = (names: readonly string[], lang: string): string =>
  listFormat(lang, { type: 'conjunction', style: 'long' }).format(names);
