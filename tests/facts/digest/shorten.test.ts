import { describe, expect, it } from 'vitest';
import { keyQuote, safeSentences } from '../../../facts/digest/index.ts';
import { extractNumbers, renderFactText } from '../../../facts/numbers/index.ts';
import type { Lang } from '../../../facts/schema/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';

const split = (text: string, lang: Lang) => safeSentences(text, lang).map((s) => text.slice(s.start, s.end));

describe('splitting a quote into sentences', () => {
  it('does not end a sentence at a French abbreviation, an initial or a decimal', () => {
    const text =
      'M. Gagnon a vendu env. 5,9 k BTC le 10 sept. 2025, p. ex. à J. Martin. Le cours a ensuite chuté de 7,5 %. Rien de plus.';
    expect(split(text, 'fr')).toEqual([
      'M. Gagnon a vendu env. 5,9 k BTC le 10 sept. 2025, p. ex. à J. Martin.',
      'Le cours a ensuite chuté de 7,5 %.',
      'Rien de plus.',
    ]);
  });

  it('does not end a sentence at an English abbreviation, an initial or a decimal', () => {
    const text =
      'Mr. Gagnon sold approx. 5.9k BTC on Sept. 10 to U.S. buyers, J. Martin said. Shares fell 7.5% to $2.60. That was all.';
    expect(split(text, 'en')).toEqual([
      'Mr. Gagnon sold approx. 5.9k BTC on Sept. 10 to U.S. buyers, J. Martin said.',
      'Shares fell 7.5% to $2.60.',
      'That was all.',
    ]);
  });

  it('keeps a sentence whole when the next words start in lower case', () => {
    expect(split('Il a cité la Fig. 3 et le vol. 2 du rapport. Puis il est parti.', 'fr')).toHaveLength(2);
  });
});

describe('a quote cut to its key sentence', () => {
  it('keeps a short quote whole', () => {
    expect(keyQuote('AI absorbs it in 3 to 5 years.', 'en')).toEqual({
      text: 'AI absorbs it in 3 to 5 years.',
      shortened: false,
    });
  });

  it('picks the sentence with the numbers, and marks what was left out on each side with an ellipsis', () => {
    const text =
      'Mining is a good business thanks to AI and it will stay one for a long time, we think. Bitcoin mining pays for the data center and all of the infrastructure around it. AI absorbs it in 3 to 5 years. After that, we will see what happens next.';
    expect(keyQuote(text, 'en', 120)).toEqual({ text: '… AI absorbs it in 3 to 5 years…', shortened: true });
  });

  it('cuts a long sentence at a clause break with an ellipsis', () => {
    const text =
      'One of the big dynamics that is taking place is that the public miners represented almost a third of the entire network, and they all seem very keen on moving over.';
    expect(keyQuote(text, 'en', 140).text).toBe(
      'One of the big dynamics that is taking place is that the public miners represented almost a third of the entire network…',
    );
  });

  it('never cuts inside a number or a range, whatever the room, in either language', () => {
    const quotes = loadSeed().facts.filter((fact) => fact.kind === 'quote');
    const extra: [Lang, string][] = [
      [
        'fr',
        'Nous visons entre 205 et 268 milliards de dollars, soit une hausse de 30,5 % en 12 mois, puis 1 000,5 BTC.',
      ],
      [
        'en',
        'We aim for $205 billion to $268 billion, a 30.5% rise over 12 months, then 1,000.5 BTC and 3 to 5 years more.',
      ],
    ];
    const texts: [Lang, string][] = [
      ...quotes.flatMap((fact) =>
        (['fr', 'en'] as const).map((lang): [Lang, string] => [lang, renderFactText(fact, lang)]),
      ),
      ...extra,
    ];
    let cuts = 0;
    for (const [lang, text] of texts) {
      const whole = extractNumbers(text, lang).map((n) => `${n.value} ${n.unit}`);
      for (let max = 30; max <= 200; max += 7) {
        const short = keyQuote(text, lang, max);
        if (short.shortened) cuts++;
        for (const number of extractNumbers(short.text, lang))
          expect(whole, `${short.text} (${max})`).toContain(`${number.value} ${number.unit}`);
        // Where the words stop, the original does not go on with more of the same number or range.
        const kept = short.text.replace(/^… /, '').replace(/…$/, '');
        const end = text.indexOf(kept) + kept.length;
        expect(text.indexOf(kept), kept).toBeGreaterThanOrEqual(0);
        expect(text.slice(end), short.text).not.toMatch(/^(?:[.,\u202f ]?\d|\s*(?:à|to|-|–)\s*\$?\d)/);
      }
    }
    expect(cuts).toBeGreaterThan(100);
  });
});
