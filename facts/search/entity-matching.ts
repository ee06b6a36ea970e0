import type { Entity } from '../schema/index.ts';
import { foldIndexed, foldText } from './fold.ts';
import { isStopWord } from './stopwords.ts';

/** Where a text names an entity, as offsets into that text (end exclusive). */
export interface EntityMention {
  entityId: string;
  start: number;
  end: number;
}

interface Alias {
  entityId: string;
  folded: string;
  /** Short all-capital aliases that fold to a common word (`AI`, `US`) only match written in capitals. */
  exact?: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const isWordChar = (char: string | undefined): boolean => char !== undefined && WORD_CHAR.test(char);
const firstWord = (folded: string): string => /^[\p{L}\p{N}]*/u.exec(folded)![0];

/** Aliases keyed by their first folded word, so a text is matched word by word, not alias by alias. */
const matchers = new WeakMap<readonly Entity[], Map<string, Alias[]>>();

function aliasesOf(entities: readonly Entity[]): Map<string, Alias[]> {
  const cached = matchers.get(entities);
  if (cached) return cached;
  const seen = new Set<string>();
  const byFirstWord = new Map<string, Alias[]>();
  for (const entity of entities) {
    const { name, aliases, id } = entity;
    for (const written of [name.fr, name.en, ...aliases.fr, ...aliases.en, id.replace(/-/g, ' ')]) {
      const folded = foldText(written.trim());
      if (!folded || seen.has(`${id}|${folded}`)) continue;
      seen.add(`${id}|${folded}`);
      const common = isStopWord(folded, 'fr') || isStopWord(folded, 'en');
      const exact = common && written.length <= 3 && written === written.toUpperCase() ? written : undefined;
      const key = firstWord(folded);
      byFirstWord.set(key, [
        ...(byFirstWord.get(key) ?? []),
        { entityId: id, folded, ...(exact ? { exact } : {}) },
      ]);
    }
  }
  matchers.set(entities, byFirstWord);
  return byFirstWord;
}

/**
 * Finds the entities a text names, by their names and aliases in both languages, ignoring case and accents, on
 * whole words (`Bitfarms'`, `d'IREN` and a plural `s` still count). Overlaps go to the longest alias. Mentions come
 * in text order, offsets into the given text. The registry array is read once and cached: pass a new array when
 * entities change rather than mutating it.
 */
export function findEntitiesIn(text: string, entities: readonly Entity[]): EntityMention[] {
  const aliases = aliasesOf(entities);
  const { folded, offsets } = foldIndexed(text);
  const original = (i: number): number => (offsets === null ? i : offsets[i]!);
  const found: Array<{ alias: Alias; at: number; end: number }> = [];
  const consider = (candidates: readonly Alias[] | undefined, at: number) => {
    for (const alias of candidates ?? []) {
      if (!folded.startsWith(alias.folded, at)) continue;
      let end = at + alias.folded.length;
      if (folded[end] === 's' && alias.folded.length >= 4 && !isWordChar(folded[end + 1])) end++;
      if (isWordChar(folded[end])) continue;
      if (alias.exact && text.slice(original(at), original(at) + alias.exact.length) !== alias.exact)
        continue;
      found.push({ alias, at, end });
    }
  };
  WORD.lastIndex = 0;
  for (let word = WORD.exec(folded); word !== null; word = WORD.exec(folded)) {
    consider(aliases.get(word[0]), word.index);
    if (word[0].endsWith('s')) consider(aliases.get(word[0].slice(0, -1)), word.index);
  }
  if (found.length === 0) return [];
  // Longest first, so `Ben Gagnon` takes the place before `Gagnon` can.
  found.sort((a, b) => b.end - b.at - (a.end - a.at) || a.at - b.at);
  const taken: Array<{ at: number; end: number }> = [];
  const mentions: Array<EntityMention & { at: number }> = [];
  for (const { alias, at, end } of found) {
    if (taken.some((span) => at < span.end && end > span.at)) continue;
    taken.push({ at, end });
    mentions.push({ entityId: alias.entityId, start: original(at), end: original(end), at });
  }
  return mentions.sort((a, b) => a.at - b.at).map(({ entityId, start, end }) => ({ entityId, start, end }));
}
