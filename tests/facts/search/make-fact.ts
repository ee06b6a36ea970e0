import { type Fact, FactSchema } from '../../../facts/schema/index.ts';

const source = {
  title: 'La révolution de l’IA dans l’infrastructure du minage de Bitcoin',
  publisher: 'Cointelegraph',
  lang: 'fr',
  date: '2025-11-14',
  locator: 'article',
};

type FactInput = Pick<Fact, 'id' | 'entities' | 'text'> &
  Partial<Pick<Fact, 'kind' | 'quote' | 'status'>> & {
    values?: unknown[];
  };

/** A valid fact (parsed by `FactSchema`), verified unless told otherwise. */
export function makeFact(input: FactInput): Fact {
  const status = input.status ?? 'verified';
  return FactSchema.parse({
    kind: 'figure',
    values: [],
    sources: [source],
    version: 1,
    asOf: '2025-11-14',
    createdBy: 'seed',
    createdAt: '2025-11-14T10:00:00Z',
    updatedBy: 'seed',
    updatedAt: '2025-11-14T10:00:00Z',
    ...(status === 'verified' ? { verifiedBy: 'seed', verifiedAt: '2025-11-14T10:00:00Z' } : {}),
    ...input,
    status,
  });
}
