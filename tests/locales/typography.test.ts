import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../facts/schema/index.ts';
import { typographyProblems } from '../support/typography.ts';

const LOCALES = join(import.meta.dirname, '..', '..', 'locales');

/** Every string of a namespace with its dotted key. */
function strings(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => strings(inner, prefix ? `${prefix}.${key}` : key));
}

describe('the typography of every locale string', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`follows ${lang === 'fr' ? 'French' : 'English'} typography in every namespace`, () => {
      const problems: string[] = [];
      for (const file of readdirSync(join(LOCALES, lang)).filter((name) => name.endsWith('.json'))) {
        const namespace = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8'));
        for (const [key, text] of strings(namespace))
          for (const problem of typographyProblems(text, lang)) problems.push(`${file} ${key}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('the typography check', () => {
  const cases: [Lang, string, string][] = [
    ['fr', 'Une question ? Posez-la.', 'plain or no-break space before : ; ? !'],
    ['fr', 'Une question\u00a0? Posez-la.', 'plain or no-break space before : ; ? !'],
    ['fr', 'Retrait: un chiffre.', 'no space before :'],
    ['fr', 'Vraiment!', 'no space before ; ? !'],
    ['fr', '« mot\u202f»', '« without a narrow no-break space after it'],
    ['fr', '«\u202fmot »', '» without a narrow no-break space before it'],
    ['fr', 'Il a dit "oui".', 'straight quote'],
    ['fr', "l'IA", 'straight quote'],
    ['fr', 'soit 1 000 dollars', 'digit group not joined by a narrow no-break space'],
    ['fr', 'soit 9.7 milliards', 'decimal point instead of a comma'],
    ['fr', 'soit 9,7 Md$', 'abbreviated billions (the digest writes them out)'],
    ['en', 'He said « yes ».', '« » in English'],
    ['en', 'Questions ? Ask.', 'space before : ; ? !'],
    ['en', 'It’s $9,7 billion', 'decimal comma'],
    ['en', "It's here", 'straight quote'],
  ];
  it.each(cases)('flags in %s: %s', (lang, text, problem) => {
    expect(typographyProblems(text, lang)).toContain(problem);
  });

  it('accepts well-set text and the command syntax a reader types', () => {
    expect(
      typographyProblems('Une question\u202f? «\u202f1\u202f000,5 dollars\u202f» — 18 nov. 2025', 'fr'),
    ).toEqual([]);
    expect(typographyProblems('p. ex. /ask question: Combien\u202f?', 'fr')).toEqual([]);
    expect(typographyProblems('Usage: briefing ask "<question>" --lang fr|en', 'en')).toEqual([]);
    expect(typographyProblems('Questions? “$9.7 billion” on Nov 18, 2025.', 'en')).toEqual([]);
  });
});
