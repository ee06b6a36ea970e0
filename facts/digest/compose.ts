import type { Fact, Lang, Source } from '../schema/index.ts';
import { classifyChanges } from './changes.ts';
import { rankChanges } from './rank.ts';
import { pickKeyFigures } from './rotation.ts';
import type { ComposeDigestInput, DigestCoverage, DigestData, DigestEntry, DigestKind } from './types.ts';

/** The source a digest cites for a fact: for a quote, where its original words stand; else the first in the reader's language. */
export function citedSource(fact: Fact, lang: Lang): Source {
  if (fact.quote) return fact.sources[fact.quote.originalSource ?? 0] ?? fact.sources[0]!;
  return fact.sources.find((source) => source.lang === lang) ?? fact.sources[0]!;
}

const entryOf = (
  fact: Fact,
  lang: Lang,
  change?: { at: string; kind: DigestEntry['change'] },
): DigestEntry => ({
  fact,
  source: citedSource(fact, lang),
  ...(change ? { changedAt: change.at, change: change.kind } : {}),
});

const TOPICS = 12;

/** Verified facts by kind, and the entities most of them are about (the welcome's "what I cover"). */
export function coverageOf(facts: readonly Fact[]): DigestCoverage {
  const verified = facts.filter((fact) => fact.status === 'verified');
  const perEntity = new Map<string, number>();
  for (const fact of verified)
    for (const id of fact.entities) perEntity.set(id, (perEntity.get(id) ?? 0) + 1);
  const count = (kind: Fact['kind']) => verified.filter((fact) => fact.kind === kind).length;
  return {
    figures: count('figure'),
    events: count('event'),
    quotes: count('quote'),
    topics: [...perEntity]
      .toSorted((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOPICS)
      .map(([id]) => id),
  };
}

/**
 * What a digest says, as data. A server's first digest is a welcome (coverage and key figures), never every stored
 * fact as new. Otherwise the changes since `since`, ranked (figures, events, quotes; today's first), at most
 * `maxBullets` listed and the rest counted; a day without changes shows key figures when `quietDays`.
 * Pure and deterministic.
 */
export function composeDigest(input: ComposeDigestInput): DigestData {
  const { facts, lang } = input;
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const ranked = input.first
    ? []
    : rankChanges(classifyChanges(facts, input.history, input.since), byId, input.now);
  const kind: DigestKind = input.first ? 'welcome' : ranked.length > 0 ? 'changes' : 'quiet';
  const shown = ranked.slice(0, input.maxBullets ?? 5);
  const bullets = shown.map((change) => entryOf(byId.get(change.factId)!, lang, change));
  const changes: DigestData['changes'] = { added: [], updated: [], verified: [], retired: [] };
  const more: DigestData['more'] = { added: 0, updated: 0, verified: 0, retired: 0 };
  for (const entry of bullets) changes[entry.change!].push(entry);
  for (const change of ranked.slice(shown.length)) more[change.kind] += 1;
  const figureCount = input.keyFigureCount ?? (kind === 'welcome' ? 4 : 3);
  const wantsFigures = kind === 'welcome' || (kind === 'quiet' && input.quietDays);
  const keyFigures = wantsFigures
    ? pickKeyFigures(facts, input.rotationDay, figureCount, new Set()).map((fact) => entryOf(fact, lang))
    : [];
  const asOf = [...bullets, ...keyFigures]
    .map((entry) => entry.fact.asOf)
    .toSorted()
    .at(-1);
  return {
    lang,
    kind,
    ...(input.since ? { since: input.since.toISOString() } : {}),
    bullets,
    rest: ranked.length - shown.length,
    changes,
    more,
    keyFigures,
    ...(kind === 'welcome' ? { coverage: coverageOf(facts) } : {}),
    ...(asOf ? { asOf } : {}),
    quiet: kind === 'quiet',
    postable:
      kind === 'welcome'
        ? facts.some((fact) => fact.status === 'verified')
        : bullets.length + keyFigures.length > 0,
  };
}
