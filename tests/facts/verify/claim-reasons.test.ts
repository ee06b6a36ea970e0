import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../../facts/seed/index.ts';
import { createVerifier } from '../../../facts/verify/index.ts';

const seed = loadSeed();
const verifier = createVerifier(seed.facts, seed.entities);
const reasons = (text: string, lang: 'fr' | 'en') =>
  verifier.verify(text, lang).numbers.map((number) => `${number.text}:${number.reason}`);

describe('the reason a true number is refused names what the claim gets wrong', () => {
  it('measureMismatch: a net loss given as revenue', () => {
    expect(reasons('Bitdeer booked $266.7 million of revenue in Q3 2025.', 'en')).toContain(
      '$266.7 million:measureMismatch',
    );
  });

  it('directionContradiction: a fall written as a rise, and not when the rise is denied', () => {
    expect(reasons('Bitdeer shares rose 7.5% after the fire.', 'en')).toEqual([
      '7.5%:directionContradiction',
    ]);
    expect(reasons('Bitdeer shares did not rise after the fire: they fell 7.5%.', 'en')).toEqual([
      '7.5%:match',
    ]);
  });

  it('roleMismatch: a loss of a year earlier given as this quarter’s', () => {
    expect(reasons('Bitfarms a perdu 46 millions de dollars un an plus tôt.', 'fr')).toEqual([
      '46 millions de dollars:roleMismatch',
    ]);
  });

  it('periodMismatch: the right figure in the month of the other value', () => {
    expect(reasons('In August 2025 the stablecoin market was worth $205 billion.', 'en')).toContain(
      '$205 billion:periodMismatch',
    );
  });

  it('comparisonFalse: two true figures with a false relation, both refused', () => {
    expect(reasons('Bitfarms held fewer bitcoins (1,827) than it mined (520).', 'en')).toEqual([
      '1,827:comparisonFalse',
      '520:comparisonFalse',
    ]);
  });

  it('otherEntity: a subject carried from the sentence before, only when the sentence refers back', () => {
    expect(reasons('Bitdeer had a fire. The company then mined 520 bitcoins.', 'en')).toEqual([
      '520 bitcoins:otherEntity',
    ]);
    expect(reasons('Bitdeer had a fire. Bitfarms mined 520 bitcoins.', 'en')).toEqual(['520 bitcoins:match']);
  });

  it('a derived multiplier no fact holds is reported as an unverified multiple', () => {
    const report = verifier.verify('Bitfarms a plus que triplé ses revenus au T3 2025.', 'fr');
    expect(report.ok).toBe(false);
    expect(report.numbers.find((number) => number.unit === 'multiple')).toMatchObject({
      status: 'unverified',
    });
  });
});
