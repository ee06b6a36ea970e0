import { describe, expect, it } from 'vitest';
import { typeset } from '../../../facts/digest/index.ts';
import { extractNumbers, renderFactText } from '../../../facts/numbers/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';
import { typographyProblems } from '../../support/typography.ts';

describe('setting a fact’s text in its language’s typography', () => {
  it('puts narrow no-break spaces inside « » and before double punctuation in French', () => {
    expect(typeset('Il a dit « absorberait » : vraiment ? Oui; 48 200 dollars.', 'fr')).toBe(
      'Il a dit «\u202fabsorberait\u202f»\u202f: vraiment\u202f? Oui\u202f; 48\u202f200 dollars.',
    );
  });

  it('turns straight quotes and apostrophes into typographic ones in English', () => {
    expect(typeset('Bitfury\'s goal: to "close the gap".', 'en')).toBe('Bitfury’s goal: to “close the gap”.');
  });

  it('sets every seed fact right in both languages, and changes none of its numbers', () => {
    for (const fact of loadSeed().facts) {
      for (const lang of ['fr', 'en'] as const) {
        const text = renderFactText(fact, lang);
        const set = typeset(text, lang);
        expect(typographyProblems(set, lang), `${fact.id} ${lang}: ${set}`).toEqual([]);
        const values = (t: string) =>
          extractNumbers(t, lang).map((n) => `${n.value} ${n.unit} ${n.qualifier}`);
        expect(values(set), fact.id).toEqual(values(text));
      }
    }
  });
});
