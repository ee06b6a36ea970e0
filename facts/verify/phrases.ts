/**
 * Phrase matching for the claim reader: case- and accent-insensitive, on word boundaries, with offsets into the
 * original text. A trailing `*` matches any ending; a phrase written in capitals (`CA`, `EPS`) matches only so.
 */

/** One character folded to one character, so offsets in the folded text are offsets in the original. */
export function fold(text: string): string {
  let out = '';
  for (const char of text) {
    if (char.length > 1) {
      out += char;
      continue;
    }
    const base = char.normalize('NFD')[0]!.toLowerCase();
    out += base === '’' || base === 'ʼ' || base === '‘' ? "'" : base.length === 1 ? base : char;
  }
  return out;
}

export interface PhraseHit<T> {
  start: number;
  end: number;
  tag: T;
}

export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isCapitals = (phrase: string) => phrase.length >= 2 && /^[\p{Lu}\d&]+$/u.test(phrase);

function source(phrase: string): string {
  const open = phrase.endsWith('*');
  const body = escapeRegex(open ? phrase.slice(0, -1) : phrase).replace(/\s+/g, '\\s+');
  return `${body}${open ? '[\\p{L}\\p{N}]*' : ''}`;
}

/** Compiled phrases with their tags; `find` returns non-overlapping hits, longest first where two overlap. */
export class PhraseSet<T> {
  private readonly folded: RegExp | undefined;
  private readonly exact: RegExp | undefined;
  private readonly tags = new Map<string, T[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    const loose: string[] = [];
    const strict: string[] = [];
    for (const [phrase, tag] of entries) {
      const key = isCapitals(phrase) ? phrase : fold(phrase.replace(/\*$/, ''));
      const list = this.tags.get(key) ?? [];
      list.push(tag);
      this.tags.set(key, list);
      (isCapitals(phrase) ? strict : loose).push(isCapitals(phrase) ? source(phrase) : source(fold(phrase)));
    }
    const compile = (list: string[]) =>
      list.length
        ? new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${[...new Set(list)].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
            'gu',
          )
        : undefined;
    this.folded = compile(loose);
    this.exact = compile(strict);
  }

  /** Hits in `text` (whose fold is `folded`), each with every tag its phrase carries. */
  find(text: string, folded: string): PhraseHit<T[]>[] {
    const hits: PhraseHit<T[]>[] = [];
    for (const [pattern, subject] of [
      [this.folded, folded],
      [this.exact, text],
    ] as const) {
      if (!pattern) continue;
      for (const match of subject.matchAll(pattern)) {
        const tags = this.tagsOf(match[0], pattern === this.exact);
        if (tags.length) hits.push({ start: match.index!, end: match.index! + match[0].length, tag: tags });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: PhraseHit<T[]>[] = [];
    for (const hit of hits) {
      const last = kept[kept.length - 1];
      if (last && hit.start < last.end) continue;
      kept.push(hit);
    }
    return kept;
  }

  private tagsOf(matched: string, exact: boolean): T[] {
    const key = exact ? matched : matched.replace(/\s+/g, ' ');
    const direct = this.tags.get(key);
    if (direct) return direct;
    // A `*` phrase: the longest listed stem the match starts with.
    let best: T[] = [];
    let length = 0;
    for (const [stem, tags] of this.tags) {
      if (stem.length > length && key.startsWith(stem)) {
        best = tags;
        length = stem.length;
      }
    }
    return best;
  }
}
