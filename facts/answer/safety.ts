/** What in an LLM text may not reach a reader: a link, a mention, or markup that restyles the message. */
export type UnsafeKind = 'link' | 'mention' | 'heading' | 'code';

/** Characters that render as nothing (zero-width spaces and joiners, soft hyphens…), slipped inside a mention to hide it. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The text as Discord would end up showing it: invisible characters gone and compatibility forms folded (NFKC turns
 * a full-width `＠` or `：` into `@` and `:`), so a disguised mention or link is seen for what it is.
 */
export const revealed = (text: string): string => text.normalize('NFKC').replace(INVISIBLE, '');

/** Common top-level domains, so `example.com/x` is a link while `U.S.` or `0.08` are not. */
const TLD =
  'com|net|org|io|gg|co|ai|app|dev|xyz|info|biz|me|ly|to|tv|us|uk|fr|de|eu|ca|be|ch|ru|cn|jp|link|site|online|club|top|news|finance|money|crypto|page|sh|gl|cc|ws';

const CHECKS: ReadonlyArray<readonly [UnsafeKind, RegExp]> = [
  // Schemes, autolinks `<https://…>`, masked links `[text](target)`, `www.` and bare domains.
  ['link', /\b[a-z][a-z0-9+.-]*:\/\/|<[a-z][a-z0-9+.-]*:[^>\s]*>|\[[^\]\n]*\]\s*\([^)\n]*\)|\bwww\d?\./iu],
  ['link', new RegExp(String.raw`\b[\p{L}\d](?:[\p{L}\d-]*[\p{L}\d])?\.(?:${TLD})\b(?![.-]?\p{L})`, 'iu')],
  // `@everyone`, `@here`, any `@name`, and Discord's user, role, channel and command tokens.
  ['mention', /@\s*\p{L}|<@[!&]?\s*\d*>?|<#\s*\d|<\/[\w -]+:\d/iu],
  ['heading', /^\s{0,3}(?:#{1,6}(?:\s|$)|-#\s)|^\s{0,3}(?:=+|-{3,})\s*$/mu],
  ['code', /`/u],
];

/** The kinds of unsafe content in a text, each once, in the order checked; empty when it may be shown. */
export function findUnsafe(text: string): UnsafeKind[] {
  const seen = revealed(text);
  return [...new Set(CHECKS.filter(([, pattern]) => pattern.test(seen)).map(([kind]) => kind))];
}
