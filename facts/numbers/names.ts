/** Compiled name lists, by their joined text: callers pass the same registry again and again. */
const compiled = new Map<string, RegExp | null>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for the names that contain a digit ("S&P 500", "Hut 8"), longest first, any run of spaces alike. */
function patternFor(names: readonly string[]): RegExp | null {
  const key = names.join('\u0000');
  let pattern = compiled.get(key);
  if (pattern !== undefined) return pattern;
  const withDigits = [...new Set(names.map((name) => name.trim()).filter((name) => /\d/.test(name)))].sort(
    (a, b) => b.length - a.length,
  );
  pattern = withDigits.length
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${withDigits.map((name) => escapeRegExp(name).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
        'giu',
      )
    : null;
  if (compiled.size > 64) compiled.clear();
  compiled.set(key, pattern);
  return pattern;
}

/** Where the given names occur in a text: start offset → end offset, for the tokenizer to mask. */
export function nameSpans(
  text: string,
  names: readonly string[] | undefined,
): Map<number, number> | undefined {
  if (!names?.length) return undefined;
  const pattern = patternFor(names);
  if (!pattern) return undefined;
  const spans = new Map<number, number>();
  for (const match of text.matchAll(pattern)) spans.set(match.index, match.index + match[0].length);
  return spans.size ? spans : undefined;
}
