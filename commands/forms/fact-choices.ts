import { renderFactText } from '../../facts/numbers/index.ts';
import type { Fact, FactStatus } from '../../facts/schema/index.ts';
import { foldText } from '../../facts/search/index.ts';
import type { Choice, CommandContext } from '../index.ts';
import { truncate } from '../render/text.ts';

/** Discord shows at most 25 choices. */
export const MAX_CHOICES = 25;

/** Newest first: the date a fact is true as of, then its last change. */
const byRecency = (a: Fact, b: Fact): number =>
  b.asOf.localeCompare(a.asOf) || b.updatedAt.localeCompare(a.updatedAt);

/**
 * Facts of the given statuses that match what the user typed, best first: the exact id, ids containing it, the
 * search index's hits (verified facts, in both languages), then texts holding every typed word. Nothing typed gives
 * the most recent facts.
 */
export function findFacts(ctx: CommandContext, typed: string, statuses: readonly FactStatus[]): Fact[] {
  const { store, search } = ctx.services;
  const pool = store.listFacts().filter((fact) => statuses.includes(fact.status));
  const text = typed.trim();
  if (!text) return [...pool].sort(byRecency).slice(0, MAX_CHOICES);
  const folded = foldText(text);
  const slug = folded.replace(/\s+/g, '-');
  const words = folded.split(/\s+/).filter(Boolean);
  const allowed = new Set(pool.map((fact) => fact.id));
  const hits = search
    .search(text, ctx.lang, { limit: MAX_CHOICES })
    .map((hit) => hit.factId)
    .filter((id) => allowed.has(id));
  const ordered = [
    ...pool.filter((fact) => fact.id === text).map((fact) => fact.id),
    ...pool.filter((fact) => fact.id.includes(slug)).map((fact) => fact.id),
    ...hits,
    ...pool
      .filter((fact) => words.every((word) => foldText(renderFactText(fact, ctx.lang)).includes(word)))
      .map((fact) => fact.id),
  ];
  return [...new Set(ordered)].slice(0, MAX_CHOICES).map((id) => store.getFact(id)!);
}

/** A fact as an autocomplete choice: its text in the reader's language (status first unless verified), its id as value. */
export function factChoice(fact: Fact, ctx: CommandContext): Choice {
  const text = renderFactText(fact, ctx.lang);
  const name =
    fact.status === 'verified' ? text : `${ctx.t(`commands:common.status.${fact.status}`)} · ${text}`;
  return { name: truncate(name, 100), value: fact.id };
}
