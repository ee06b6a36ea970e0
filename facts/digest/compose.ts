import type { Fact, Lang, Source } from '../schema/index.ts';
import { classifyChanges } from './changes.ts';
import { pickKeyFigures } from './rotation.ts';
import { CHANGE_KINDS, type ComposeDigestInput, type DigestData, type DigestEntry } from './types.ts';

/** The source a digest cites for a fact: for a quote, where its original words stand; else the first in the reader's language. */
export function citedSource(fact: Fact, lang: Lang): Source {
  if (fact.quote) return fact.sources[fact.quote.originalSource ?? 0] ?? fact.sources[0]!;
  return fact.sources.find((source) => source.lang === lang) ?? fact.sources[0]!;
}

const entryOf = (fact: Fact, lang: Lang, changedAt?: string): DigestEntry => ({
  fact,
  source: citedSource(fact, lang),
  ...(changedAt ? { changedAt } : {}),
});

/**
 * What a digest says, as data: the facts that changed since `since` under their headings (newest last, capped per
 * heading), then a rotation of verified figures for `rotationDay`, and the latest "as of" date. Pure and deterministic.
 */
export function composeDigest(input: ComposeDigestInput): DigestData {
  const { facts, lang } = input;
  const max = input.maxPerSection ?? 10;
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const changes: DigestData['changes'] = { added: [], updated: [], verified: [], retired: [] };
  const more: DigestData['more'] = { added: 0, updated: 0, verified: 0, retired: 0 };
  for (const change of classifyChanges(facts, input.history, input.since)) {
    const fact = byId.get(change.factId)!;
    changes[change.kind].push(entryOf(fact, lang, change.at));
  }
  for (const kind of CHANGE_KINDS) {
    // Keep the most recent ones when there are too many (a bulk import).
    more[kind] = Math.max(0, changes[kind].length - max);
    changes[kind] = changes[kind].slice(-max);
  }
  const listed = new Set(CHANGE_KINDS.flatMap((kind) => changes[kind].map((entry) => entry.fact.id)));
  const quiet = listed.size === 0;
  const keyFigures =
    quiet && !input.quietDays
      ? []
      : pickKeyFigures(facts, input.rotationDay, input.keyFigureCount ?? 4, listed).map((fact) =>
          entryOf(fact, lang),
        );
  const shown = [...CHANGE_KINDS.flatMap((kind) => changes[kind]), ...keyFigures];
  const asOf = shown
    .map((entry) => entry.fact.asOf)
    .toSorted()
    .at(-1);
  return {
    lang,
    ...(input.since ? { since: input.since.toISOString() } : {}),
    changes,
    more,
    keyFigures,
    ...(asOf ? { asOf } : {}),
    quiet,
    postable: shown.length > 0,
  };
}
