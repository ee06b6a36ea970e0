/** Quotation marks that open and close quoted words, in both languages' typography. */
const QUOTED = /“([^”]+)”|«\s*([^»]+?)\s*»|"([^"]+)"/gu;

/** Words within quotation marks (three words or more: a quoted term is not a quote), with where they stand. */
export function quotedIn(
  text: string,
  from: number,
  to: number,
): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  for (const match of text.slice(from, to).matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? '';
    const words = inner.trim().split(/\s+/);
    if (words.length < 3) continue;
    const offset = from + match.index + match[0].indexOf(inner);
    // A comma or full stop the writer closed inside the quote belongs to the sentence around it.
    const trimmed = inner.trim().replace(/[,;]$/u, '');
    found.push({ start: offset, end: offset + trimmed.length, text: trimmed });
  }
  return found;
}
