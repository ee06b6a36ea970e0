import type { AuditEntry, Fact } from '../schema/index.ts';
import type { ChangeKind } from './types.ts';

/** A fact's heading in the digest and the time of the change that put it there. */
export interface ClassifiedChange {
  factId: string;
  kind: ChangeKind;
  at: string;
}

const isCreation = (entry: AuditEntry) => entry.before === null;
const wasVerified = (entry: AuditEntry) => entry.before?.status === 'verified';

/**
 * Sorts the facts that changed after `since` under one heading each, from their audit trail:
 * created in the period → added; re-verified after an edit → updated; verified for the first time → verified;
 * taken out while verified → retired. Drafts and facts retired before anyone could read them are left out.
 */
export function classifyChanges(
  facts: readonly Fact[],
  history: readonly AuditEntry[],
  since: Date | undefined,
): ClassifiedChange[] {
  const from = since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const byFact = new Map<string, AuditEntry[]>();
  for (const entry of history) byFact.set(entry.factId, [...(byFact.get(entry.factId) ?? []), entry]);
  const out: ClassifiedChange[] = [];
  for (const fact of facts) {
    const entries = (byFact.get(fact.id) ?? []).toSorted((a, b) => a.seq - b.seq);
    const recent = entries.filter((entry) => Date.parse(entry.at) > from);
    const last = recent.at(-1);
    if (!last) continue;
    const kind = classify(fact, entries, recent);
    if (kind) out.push({ factId: fact.id, kind, at: last.at });
  }
  return out.toSorted((a, b) => a.at.localeCompare(b.at) || a.factId.localeCompare(b.factId));
}

function classify(
  fact: Fact,
  entries: readonly AuditEntry[],
  recent: readonly AuditEntry[],
): ChangeKind | undefined {
  const createdNow = recent.some(isCreation);
  if (fact.status === 'retired') {
    // Only a retraction of something readers may have seen is news.
    const retraction = recent.find((entry) => entry.action === 'retire');
    return retraction && wasVerified(retraction) && !createdNow ? 'retired' : undefined;
  }
  if (fact.status !== 'verified') return undefined;
  if (createdNow) return 'added';
  const earlier = entries.slice(0, entries.length - recent.length);
  const verifiedBefore = earlier.some((entry) => entry.after.status === 'verified');
  const verifiedNow = recent.some((entry) => entry.after.status === 'verified' && !wasVerified(entry));
  if (verifiedNow) return verifiedBefore ? 'updated' : 'verified';
  // An import may replace a verified fact with another verified version.
  const replaced = recent.some((entry) => entry.action === 'import' && entry.before !== null);
  return replaced ? 'updated' : undefined;
}
