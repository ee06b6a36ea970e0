import { describe, expect, it } from 'vitest';
import { quoteOrigin } from '../../facts/quotes/origin.ts';
import {
  type DateValue,
  type Fact,
  LANGS,
  type Lang,
  PLACEHOLDER,
  type QuantityValue,
  SCALE_FACTOR,
} from '../../facts/schema/index.ts';
import { loadSeed } from '../../facts/seed/index.ts';

const { entities, facts } = loadSeed();
const entityById = new Map(entities.map((entity) => [entity.id, entity]));

/** A value a topic needs, written `46e6 USD 2025-Q3`, `18 percent nearly` or `date 2026-12`. */
type ValueSpec = string;

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;

const carries = (fact: Fact, spec: ValueSpec) => {
  const [first, second, ...rest] = spec.split(' ');
  if (first === 'date') return fact.values.some((value) => value.kind === 'date' && value.date === second);
  return fact.values.some(
    (value) =>
      value.kind === 'quantity' &&
      sameNumber(value.value, Number(first)) &&
      value.unit === second &&
      rest.every((extra) => (/^\d{4}/.test(extra) ? value.period === extra : value.qualifier === extra)),
  );
};

/** The facts that concern every listed entity and carry every listed value. */
const findFacts = (concerns: string[], specs: ValueSpec[]) =>
  facts.filter(
    (fact) =>
      concerns.every((id) => fact.entities.includes(id)) && specs.every((spec) => carries(fact, spec)),
  );

/** The topics the issue lists, each as the entities and values a fact about it must carry. */
const TOPICS: [string, string[], ValueSpec[]][] = [
  ['the Bitfarms Q3 2025 net loss', ['bitfarms'], ['46e6 USD 2025-Q3', '24e6 USD 2024-Q3']],
  ['the Bitfarms loss per share', ['bitfarms'], ['0.08 USD', '0.02 USD']],
  ['the Bitfarms revenue growth', ['bitfarms'], ['156 percent', '69e6 USD']],
  ['the Bitfarms estimate miss', ['bitfarms'], ['16 percent moreThan']],
  ['the Bitcoin Bitfarms mined', ['bitfarms'], ['520 BTC', '48200 USD']],
  ['the Bitcoin Bitfarms held', ['bitfarms'], ['1827 BTC']],
  ['the Bitfarms share fall', ['bitfarms'], ['18 percent nearly', '2.6 USD']],
  ['the Bitfarms after-hours price', ['bitfarms'], ['2.51 USD']],
  ['the IREN–Microsoft deal', ['iren', 'microsoft'], ['9.7e9 USD']],
  ['the IREN share move', ['iren'], ['10 percent moreThan']],
  ['the Bitfury fund', ['bitfury'], ['1e9 USD']],
  ['the Bitdeer loss', ['bitdeer'], ['266.7e6 USD 2025-Q3']],
  ['the Bitdeer share fall', ['bitdeer'], ['7.5 percent']],
  ['the 20 of 22 miners', ['public-bitcoin-miners'], ['20 count', '22 count']],
  ['the institutional holdings', ['institutional-investors', 'bitcoin'], ['159107 BTC 2025-Q2']],
  ['the ETF inflows', ['us-spot-bitcoin-etfs'], ['5900 BTC about 2025-09-10', 'date 2025-09-10']],
  ['the 297 public entities', ['public-entities'], ['297 count moreThan']],
  ['their share of supply', ['public-entities'], ['17 percent moreThan']],
  ['the long liquidations', ['retail-investors'], ['1e9 USD moreThan']],
  ['the convertible debt', ['public-bitcoin-miners'], ['11e9 USD']],
  ['the stablecoin growth', ['stablecoins'], ['205e9 USD 2025-01', '268e9 USD nearly 2025-08']],
  ['the GENIUS Act', ['genius-act'], ['date 2025-07']],
  ['the Fed/S&P 500 statistic', ['federal-reserve', 'sp-500'], ['14 percent']],
  ['the stop-loss level', ['bitcoin'], ['112000 USD']],
  ['Hoskinson’s 3-to-5-year prediction', ['charles-hoskinson'], ['3 years', '5 years']],
  ['the Washington site', ['bitfarms-washington-site'], ['18 MW']],
  ['the Washington timeline', ['bitfarms-washington-site'], ['date 2026-12']],
  ['the mining phase-out', ['bitfarms'], ['date 2026', 'date 2027']],
];

const FRACTION_WORDS: Record<Lang, [number, string][]> = {
  fr: [
    [1 / 2, 'moitié'],
    [1 / 3, 'tiers'],
    [1 / 4, 'quart'],
  ],
  en: [
    [1 / 2, 'half'],
    [1 / 3, 'third'],
    [1 / 4, 'quarter'],
  ],
};

/** Thousands separators out, decimal commas to points, so "48 200" and "5,9" read as 48200 and 5.9. */
const normalizeNumbers = (text: string, lang: Lang) =>
  lang === 'fr'
    ? text.replace(/(\d)[\s\u00a0\u202f](?=\d{3}(?!\d))/g, '$1').replace(/(\d),(?=\d)/g, '$1.')
    : text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');

const containsNumber = (text: string, number: string) =>
  new RegExp(`(?<![\\d.])${number.replace('.', '\\.')}(?!\\d|\\.\\d)`).test(text);

/** Whether the text writes the value itself (verbatim quotes keep their numbers): digits as published, or a fraction word. */
const writesLiterally = (text: string, lang: Lang, value: QuantityValue | DateValue) => {
  const normalized = normalizeNumbers(text, lang);
  if (value.kind === 'date') {
    const [year, , day] = value.date.split('/')[0]!.split('-');
    return containsNumber(normalized, day ? String(Number(day)) : year!);
  }
  if (value.unit === 'fraction') {
    return FRACTION_WORDS[lang].some(
      ([fraction, word]) => Math.abs(value.value - fraction) < 1e-3 && text.includes(word),
    );
  }
  return containsNumber(normalized, (value.value / SCALE_FACTOR[value.scale]).toFixed(value.decimals));
};

const placeholderKeys = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]));

const nameKey = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase().trim();

describe('the embedded seed', () => {
  it('parses and holds at least 45 facts', () => {
    expect(facts.length).toBeGreaterThanOrEqual(45);
    expect(entities.length).toBeGreaterThan(0);
  });

  it('gives every fact and every entity a unique id', () => {
    expect(new Set(facts.map((fact) => fact.id)).size).toBe(facts.length);
    expect(new Set(entities.map((entity) => entity.id)).size).toBe(entities.length);
  });

  it('refers only to entities it defines', () => {
    const unknown = facts.flatMap((fact) =>
      fact.entities.filter((id) => !entityById.has(id)).map((id) => `${fact.id}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('leaves no entity unused', () => {
    const used = new Set(facts.flatMap((fact) => fact.entities));
    expect(entities.filter((entity) => !used.has(entity.id)).map((entity) => entity.id)).toEqual([]);
  });

  it('keeps names and aliases unambiguous across entities, ignoring case and accents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entity of entities) {
      const names = [entity.name.fr, entity.name.en, ...entity.aliases.fr, ...entity.aliases.en];
      for (const key of new Set(names.map(nameKey))) {
        const other = owner.get(key);
        if (other) clashes.push(`"${key}": ${other} and ${entity.id}`);
        owner.set(key, entity.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('marks every fact verified by the seed, with the French article as first source', () => {
    for (const fact of facts) {
      expect(fact, fact.id).toMatchObject({
        status: 'verified',
        verifiedBy: 'seed',
        createdBy: 'seed',
        version: 1,
      });
      expect(fact.sources[0], fact.id).toMatchObject({
        lang: 'fr',
        title: 'La révolution de l’IA dans l’infrastructure du minage de Bitcoin',
      });
    }
  });

  it.each(TOPICS)('has a fact about %s', (_topic, concerns, specs) => {
    expect(findFacts(concerns, specs).map((fact) => fact.id)).not.toEqual([]);
  });

  it('quotes every speaker the article quotes, Ben Gagnon five times', () => {
    const speakers = facts.flatMap((fact) => (fact.quote ? [fact.quote.speaker] : []));
    expect(new Set(speakers)).toEqual(
      new Set([
        'charles-hoskinson',
        'ben-gagnon',
        'mike-novogratz',
        'glassnode',
        'val-vavilov',
        'kobeissi-letter',
        'material-indicators',
      ]),
    );
    expect(speakers.filter((speaker) => speaker === 'ben-gagnon')).toHaveLength(5);
  });

  it('attributes every quote to a person, or to a firm that speaks as an author', () => {
    for (const fact of facts.filter((candidate) => candidate.quote)) {
      const speaker = entityById.get(fact.quote!.speaker);
      expect(['person', 'organization', 'company'], fact.id).toContain(speaker?.type);
    }
    for (const id of ['charles-hoskinson', 'ben-gagnon', 'mike-novogratz', 'val-vavilov']) {
      expect(entityById.get(id)?.type, id).toBe('person');
    }
  });

  it('marks every quote in English, the language its speaker used: the French article translates them', () => {
    const quotes = facts.filter((candidate) => candidate.quote);
    expect(quotes.map((fact) => fact.quote!.original)).toEqual(quotes.map(() => 'en'));
    for (const fact of quotes)
      expect(quoteOrigin(fact, 'fr'), fact.id).toEqual({ kind: 'translated', from: 'en' });
  });

  it('calls English words original only where a linked English source carries them, else a translation back', () => {
    const quotes = facts.filter((candidate) => candidate.quote);
    for (const fact of quotes) {
      const { originalSource } = fact.quote!;
      if (originalSource === undefined) {
        expect(quoteOrigin(fact, 'en'), fact.id).toEqual({ kind: 'retranslated', from: 'fr' });
        continue;
      }
      expect(fact.sources[originalSource]?.lang, fact.id).toBe('en');
      expect(fact.sources[originalSource]?.url, fact.id).toBeDefined();
      expect(quoteOrigin(fact, 'en'), fact.id).toEqual({ kind: 'original' });
    }
    expect(quotes.filter((fact) => quoteOrigin(fact, 'en')?.kind === 'original')).toHaveLength(4);
  });

  it('uses every value in both languages, by placeholder or written out in a verbatim quote', () => {
    const unused: string[] = [];
    for (const fact of facts) {
      for (const lang of LANGS) {
        const keys = placeholderKeys(fact.text[lang]);
        for (const value of fact.values) {
          const literal = fact.kind === 'quote' && writesLiterally(fact.text[lang], lang, value);
          if (!keys.has(value.key) && !literal) unused.push(`${fact.id}.${value.key} (${lang})`);
        }
      }
    }
    expect(unused).toEqual([]);
  });

  it('writes numbers outside quotes only through placeholders', () => {
    const stray = facts
      .filter((fact) => fact.kind !== 'quote')
      .flatMap((fact) =>
        LANGS.filter((lang) =>
          /\d/.test(fact.text[lang].replace(PLACEHOLDER, '').replace(/S&P 500|[TQ][1-4] \d{4}/g, '')),
        ).map((lang) => `${fact.id} (${lang})`),
      );
    expect(stray).toEqual([]);
  });

  it('writes a literal quarter only when a value refers to that quarter', () => {
    for (const fact of facts) {
      for (const [lang, pattern] of [
        ['fr', /T([1-4]) (\d{4})/g],
        ['en', /Q([1-4]) (\d{4})/g],
      ] as const) {
        for (const [, quarter, year] of fact.text[lang].matchAll(pattern)) {
          const period = `${year}-Q${quarter}`;
          const backed = fact.values.some(
            (value) => (value.kind === 'quantity' ? value.period : value.date) === period,
          );
          expect(backed, `${fact.id} (${lang}) ${period}`).toBe(true);
        }
      }
    }
  });

  it('never repeats a hedge word in front of a placeholder that renders it', () => {
    const hedge =
      /(près de|plus de|moins de|environ|au moins|au plus|nearly|more than|less than|about|at least|at most)\s*\{/i;
    const doubled = facts.flatMap((fact) =>
      LANGS.filter((lang) => hedge.test(fact.text[lang])).map((lang) => `${fact.id} (${lang})`),
    );
    expect(doubled).toEqual([]);
  });
});
