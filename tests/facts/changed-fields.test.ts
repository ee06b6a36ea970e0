import { describe, expect, it } from 'vitest';
import { changedFields } from '../../facts/changed-fields.ts';
import { loadSeed } from '../../facts/seed/index.ts';

const fact = loadSeed().facts[0]!;
const later = { updatedAt: '2026-01-02T00:00:00.000Z', updatedBy: 'moderator-b', version: fact.version + 1 };

describe('the fields an audit entry changed', () => {
  it('lists none for a creation', () => {
    expect(changedFields(null, fact)).toEqual([]);
  });

  it('shows the status of a retirement, not its bookkeeping', () => {
    expect(changedFields(fact, { ...fact, ...later, status: 'retired' })).toEqual(['status']);
  });

  it('shows the texts an edit changed, in the fact’s field order', () => {
    const edited = { ...fact, ...later, text: { ...fact.text, en: 'Edited.' }, asOf: '2026-01-01' };
    expect(changedFields(fact, edited)).toEqual(['text', 'asOf']);
  });

  it('does not count who verified and when as a change of its own', () => {
    const draft = { ...fact, status: 'draft' as const };
    const verified = { ...fact, ...later, verifiedBy: 'moderator-b', verifiedAt: later.updatedAt };
    expect(changedFields(draft, verified)).toEqual(['status']);
  });
});
