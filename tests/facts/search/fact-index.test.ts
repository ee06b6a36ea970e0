import { describe, expect, it } from 'vitest';
import { createFactIndex } from '../../../facts/search/index.ts';
import { entities, factById, facts, makeFact } from './fixtures.ts';

const topIds = (question: string, lang: 'fr' | 'en', limit = 3) =>
  createFactIndex(facts, entities)
    .search(question, lang, { limit })
    .map((hit) => hit.factId);

describe('indexing verified facts', () => {
  it('indexes only verified facts', () => {
    const index = createFactIndex(facts, entities);
    expect(index.size()).toBe(facts.filter((fact) => fact.status === 'verified').length);
    expect(index.search('Bitfarms aurait gagné', 'fr').map((hit) => hit.factId)).not.toContain(
      'bitfarms-draft-rumour',
    );
  });

  it('adds a fact when it becomes verified and finds it at once', () => {
    const index = createFactIndex(facts, entities);
    const draft = factById('bitfarms-draft-rumour');
    index.upsert({
      ...draft,
      status: 'verified',
      verifiedBy: 'mod',
      verifiedAt: '2025-11-15T10:00:00Z',
      version: 2,
    });
    expect(index.search('Bitfarms aurait gagné', 'fr')[0]?.factId).toBe('bitfarms-draft-rumour');
  });

  it('reindexes a fact whose text changed', () => {
    const index = createFactIndex(facts, entities);
    const fund = factById('bitfury-ai-fund');
    expect(index.search('robotics', 'en')).toEqual([]);
    index.upsert({
      ...fund,
      version: 2,
      text: {
        fr: 'Bitfury a lancé un fonds de {fundSize} pour la robotique.',
        en: 'Bitfury launched a {fundSize} robotics fund.',
      },
    });
    expect(index.search('robotics', 'en').map((hit) => hit.factId)).toEqual(['bitfury-ai-fund']);
    expect(index.search('quantum technologies', 'en').map((hit) => hit.factId)).not.toContain(
      'bitfury-ai-fund',
    );
    expect(index.size()).toBe(createFactIndex(facts, entities).size());
  });

  it('drops a fact once it is retired or removed', () => {
    const index = createFactIndex(facts, entities);
    const before = index.size();
    index.upsert({ ...factById('bitdeer-q3-2025-net-loss'), status: 'retired', version: 2 });
    expect(index.search('Bitdeer net loss', 'en').map((hit) => hit.factId)).not.toContain(
      'bitdeer-q3-2025-net-loss',
    );
    index.remove('iren-microsoft-deal');
    expect(index.search('IREN Microsoft partnership', 'en').map((hit) => hit.factId)).not.toContain(
      'iren-microsoft-deal',
    );
    expect(index.size()).toBe(before - 2);
    index.remove('no-such-fact');
    expect(index.size()).toBe(before - 2);
  });

  it('indexes placeholder keys as words: {netLoss} is found by "net loss"', () => {
    const index = createFactIndex(
      [
        makeFact({
          id: 'only-key',
          entities: ['bitdeer'],
          values: [{ key: 'netLoss', kind: 'quantity', value: 1, unit: 'USD' }],
          text: { fr: 'Bitdeer : {netLoss}.', en: 'Bitdeer: {netLoss}.' },
        }),
      ],
      entities,
    );
    expect(index.search('net loss', 'en').map((hit) => hit.factId)).toEqual(['only-key']);
  });

  it('indexes value periods, units and numbers: T3/Q3, BTC, 266,7', () => {
    const loss = (id: string, period?: string) =>
      makeFact({
        id,
        entities: ['bitdeer'],
        values: [{ key: 'netLoss', kind: 'quantity', value: 1, unit: 'USD', ...(period ? { period } : {}) }],
        text: { fr: 'Bitdeer : {netLoss}.', en: 'Bitdeer: {netLoss}.' },
      });
    const index = createFactIndex(
      [loss('no-period'), loss('third-quarter', '2025-Q3'), loss('second-quarter', '2025-Q2')],
      entities,
    );
    expect(index.search('Bitdeer T3', 'fr')[0]?.factId).toBe('third-quarter');
    expect(index.search('Bitdeer Q2', 'en')[0]?.factId).toBe('second-quarter');
    expect(topIds('266,7', 'fr', 1)).toEqual(['bitdeer-q3-2025-net-loss']);
    expect(topIds('BTC le 10 septembre', 'fr', 1)).toEqual(['etf-inflows-2025-09-10']);
  });
});

describe('keeping the index up to date', () => {
  const questions = [
    ['How much did Bitdeer lose?', 'en'],
    ['Quelle perte nette pour Bitfarms au T3 ?', 'fr'],
    ['What did Gagnon say about the Washington site?', 'en'],
    ['bitcoin', 'en'],
    ['robotique quantique', 'fr'],
  ] as const;

  it('ranks as an index built afresh once facts are changed, retired, removed and added back', () => {
    const index = createFactIndex(facts, entities);
    const fund = factById('bitfury-ai-fund');
    const robotics = {
      ...fund,
      version: 2,
      text: {
        fr: 'Bitfury a lancé un fonds de {fundSize} pour la robotique.',
        en: 'Bitfury: a robotics fund.',
      },
    };
    const retired = { ...factById('bitdeer-q3-2025-net-loss'), status: 'retired' as const, version: 2 };
    index.upsert(robotics);
    index.upsert(retired);
    index.remove('iren-microsoft-deal');
    index.remove('gagnon-hpc-opportunity-quote');
    index.upsert(factById('gagnon-hpc-opportunity-quote'));
    const current = facts
      .filter((fact) => fact.id !== 'iren-microsoft-deal')
      .map((fact) => (fact.id === fund.id ? robotics : fact.id === retired.id ? retired : fact));
    const fresh = createFactIndex(current, entities);
    expect(index.size()).toBe(fresh.size());
    for (const [question, lang] of questions) {
      const updated = index.search(question, lang);
      const rebuilt = fresh.search(question, lang);
      expect(updated.map((hit) => hit.factId)).toEqual(rebuilt.map((hit) => hit.factId));
      for (const [i, hit] of updated.entries()) expect(hit.score).toBeCloseTo(rebuilt[i]!.score, 9);
    }
  });

  it('scores as an index built afresh from the first search after each edit, however many edits', () => {
    const index = createFactIndex(facts, entities);
    const loss = factById('bitfarms-q3-2025-net-loss');
    const texts = [
      'Bitfarms a publié une perte nette de {netLoss}.',
      'Bitfarms: a net loss of {netLoss} in Q3.',
    ];
    for (let version = 2; version < 40; version++) {
      const edited = { ...loss, version, text: { fr: texts[0]!, en: texts[version % 2]! } };
      index.upsert(edited);
      const fresh = createFactIndex(
        facts.map((fact) => (fact.id === loss.id ? edited : fact)),
        entities,
      );
      const [updated, rebuilt] = [index, fresh].map((built) => built.search('Bitfarms net loss Q3', 'en'));
      expect(updated!.map((hit) => hit.factId)).toEqual(rebuilt!.map((hit) => hit.factId));
      for (const [i, hit] of updated!.entries()) expect(hit.score).toBeCloseTo(rebuilt![i]!.score, 9);
    }
  });

  it('keeps what a search saw when the index changes before its hits are read', () => {
    const index = createFactIndex(facts, entities);
    const outcome = index.query('Bitdeer net loss', 'en');
    index.remove('bitdeer-q3-2025-net-loss');
    const draft = factById('bitfarms-draft-rumour');
    index.upsert({
      ...draft,
      status: 'verified',
      verifiedBy: 'mod',
      verifiedAt: '2025-11-15T10:00:00Z',
      version: 2,
    });
    expect(outcome.best(1).map((hit) => hit.factId)).toEqual(['bitdeer-q3-2025-net-loss']);
    expect(outcome.hits.map((hit) => hit.factId)).toContain('bitdeer-q3-2025-net-loss');
  });
});

describe('reading the best hits of a search', () => {
  it('gives the first hits of the full ranking, or of the hits concerning the entities asked for', () => {
    const outcome = createFactIndex(facts, entities).query('Bitfarms Bitdeer net loss revenue shares', 'en');
    const about = (ids: readonly string[]) => (hit: { entities: string[] }) =>
      hit.entities.some((id) => ids.includes(id));
    expect(outcome.best(3)).toEqual(outcome.hits.slice(0, 3));
    expect(outcome.best(2, ['bitdeer'])).toEqual(outcome.hits.filter(about(['bitdeer'])).slice(0, 2));
    expect(outcome.best(2, ['bitdeer']).length).toBe(2);
    expect(outcome.best(0)).toEqual([]);
  });
});

describe('searching in both languages', () => {
  it('folds diacritics: entrees nettes finds entrées nettes', () => {
    expect(topIds('entrees nettes', 'fr', 1)).toEqual(['etf-inflows-2025-09-10']);
    expect(topIds('ENTRÉES NETTES', 'fr', 1)).toEqual(['etf-inflows-2025-09-10']);
  });

  it('stems both languages: losses, pertes, minés', () => {
    expect(topIds('Bitdeer losses', 'en', 1)).toEqual(['bitdeer-q3-2025-net-loss']);
    expect(topIds('les pertes de Bitdeer', 'fr', 1)).toEqual(['bitdeer-q3-2025-net-loss']);
    expect(topIds('bitcoins minés par Bitfarms', 'fr', 1)).toEqual(['bitfarms-q3-2025-bitcoin-mined']);
  });

  it('finds a fact across languages through shared concepts, on one text only', () => {
    const frenchOnly = makeFact({
      id: 'fr-only',
      kind: 'event',
      entities: ['bitfury'],
      text: { fr: 'Bitfury a signé un contrat.', en: 'Bitfury: see the French text.' },
    });
    const englishOnly = makeFact({
      id: 'en-only',
      kind: 'event',
      entities: ['bitdeer'],
      text: { fr: 'Bitdeer : voir le texte anglais.', en: 'Bitdeer disclosed a deficit.' },
    });
    const index = createFactIndex([frenchOnly, englishOnly], entities);
    expect(index.search('Which partnership was signed?', 'en')[0]?.factId).toBe('fr-only');
    expect(index.search('Quelle perte ?', 'fr')[0]?.factId).toBe('en-only');
  });

  it('finds facts through entity aliases in either language', () => {
    expect(topIds('Qu’a fait la Fed ?', 'fr', 1)).toEqual(['fed-first-rate-cut-2025']);
    expect(topIds('Federal Reserve rate cut', 'en', 1)).toEqual(['fed-first-rate-cut-2025']);
    expect(topIds('GENIUS Act', 'fr', 1)).toEqual(['genius-act-passed']);
    expect(topIds('loi GENIUS', 'en', 1)).toEqual(['genius-act-passed']);
    expect(topIds('Iris Energy', 'en', 2)).toEqual(
      expect.arrayContaining(['iren-microsoft-deal', 'iren-shares-rise']),
    );
  });
});

describe('ranking', () => {
  it("ranks the loss of the company the question names first: Bitdeer's loss over Bitfarms'", () => {
    expect(topIds("What was Bitdeer's net loss?", 'en', 1)).toEqual(['bitdeer-q3-2025-net-loss']);
    expect(topIds('Quelle a été la perte nette de Bitfarms ?', 'fr', 1)).toEqual([
      'bitfarms-q3-2025-net-loss',
    ]);
  });

  it('reports which named entities each hit concerns', () => {
    const [hit] = createFactIndex(facts, entities).search('Bitdeer loss', 'en');
    expect(hit?.entities).toEqual(['bitdeer']);
  });

  it('ranks quotes first when the question asks what someone said', () => {
    const ids = topIds('What did Gagnon say?', 'en', 2);
    expect(ids.sort()).toEqual(['gagnon-hpc-opportunity-quote', 'gagnon-washington-site-quote']);
  });

  it('ranks a person’s prediction first when asked what they predicted', () => {
    expect(topIds('What did Hoskinson predict?', 'en', 1)).toEqual(['hoskinson-ai-absorbs-mining']);
    expect(topIds('Qu’a dit Hoskinson ?', 'fr', 1)).toEqual(['hoskinson-mining-good-deal-quote']);
  });

  it('ranks dated facts first for "when", and figures for "how much"', () => {
    expect(topIds('When was the stablecoin law passed?', 'en', 1)).toEqual(['genius-act-passed']);
    expect(topIds('How much did the stablecoin sector grow?', 'en', 1)).toEqual(['stablecoin-market-growth']);
  });
});
