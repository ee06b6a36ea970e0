import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../facts/schema/index.ts';
import { analyzeText } from '../../../facts/search/analyze.ts';
import { isTopicalConcept } from '../../../facts/search/concepts.ts';

const conceptsOf = (text: string, lang: Lang) =>
  new Set(analyzeText(text, lang).flatMap((token) => token.concepts));

describe('synonym concepts shared by both languages', () => {
  it.each([
    ['deal', 'the Microsoft deal', 'en', "l'accord avec Microsoft", 'fr'],
    ['deal', 'a partnership', 'en', 'un contrat', 'fr'],
    ['loss', 'net losses', 'en', 'les pertes nettes', 'fr'],
    ['shares', 'Bitfarms stock', 'en', "l'action Bitfarms", 'fr'],
    ['site', 'a facility', 'en', 'une installation', 'fr'],
    ['inflows', 'ETF inflows', 'en', 'les entrées nettes des ETF', 'fr'],
    ['revenue', 'revenue', 'en', "le chiffre d'affaires", 'fr'],
    ['fund', 'the fund', 'en', 'le fonds', 'fr'],
    ['mining', 'bitcoins mined', 'en', 'les bitcoins minés', 'fr'],
    ['holdings', 'public entities hold', 'en', 'les entités publiques détiennent', 'fr'],
    ['predict', 'what he predicted', 'en', "ce qu'il a prédit", 'fr'],
    ['quote', 'what Gagnon said', 'en', "ce qu'a déclaré Gagnon", 'fr'],
    ['q3', 'in Q3', 'en', 'au T3', 'fr'],
    ['q3', 'the third quarter', 'en', 'le troisième trimestre', 'fr'],
  ] as const)('maps %s from "%s" and "%s"', (concept, en, enLang, fr, frLang) => {
    expect(conceptsOf(en, enLang)).toContain(concept);
    expect(conceptsOf(fr, frLang)).toContain(concept);
  });

  it('reads the longest phrase first: a stop-loss is not a loss, a turnover in French is not a figure', () => {
    expect(conceptsOf('un ordre stop-loss', 'fr')).not.toContain('loss');
    expect(conceptsOf('un ordre stop-loss', 'fr')).toContain('stoploss');
    expect(conceptsOf("le chiffre d'affaires", 'fr')).not.toContain('howmuch');
  });

  it('does not read a stop word as a synonym by its stem (entre is not entrée)', () => {
    expect(conceptsOf('entre IREN et Microsoft', 'fr')).not.toContain('inflows');
  });

  it('tells topics the bot covers from intents and units', () => {
    expect(isTopicalConcept('loss')).toBe(true);
    expect(isTopicalConcept('stablecoin')).toBe(true);
    expect(isTopicalConcept('howmuch')).toBe(false);
    expect(isTopicalConcept('usd')).toBe(false);
  });
});
