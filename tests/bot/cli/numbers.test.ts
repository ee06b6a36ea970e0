import { describe, expect, it } from 'vitest';
import { main } from '../../../bot/cli/main.ts';
import { fakeIo, jsonLines } from '../../support/cli-io.ts';

describe('briefing numbers', () => {
  it('lists the numbers of a French text under French headings', async () => {
    const io = fakeIo([
      'Le chiffre d’affaires a atteint 9,7 milliards de dollars au T3 2025, ',
      'soit près de 18 %.',
    ]);
    expect(await main(['numbers', '--lang', 'fr'], io)).toBe(0);
    const output = io.stdout.join('\n');
    expect(output).toContain('Texte');
    expect(output).toContain('9,7 milliards de dollars');
    expect(output).toContain('2025-Q3');
    expect(output).toContain('près de');
    expect(output).toContain('3 nombres.');
  });

  it('reads English by default and says when there is no number', async () => {
    const io = fakeIo(['Nothing to see here, version 2.0 of S&P 500.']);
    expect(await main(['numbers'], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe('No number found.');
  });

  it('answers each JSON line in order, with fully scaled values and periods', async () => {
    const french = 'Une perte de 46 M$ au T3 2025.';
    const english = 'About 5.9k BTC on September 10.';
    const span = (text: string, part: string) => ({
      start: text.indexOf(part),
      end: text.indexOf(part) + part.length,
    });
    const lines = [
      JSON.stringify({ id: 'a', lang: 'fr', text: french }),
      JSON.stringify({ id: 2, lang: 'en', text: english }),
    ];
    const io = fakeIo([`${lines.join('\n')}\n`]);
    expect(await main(['numbers', '--jsonl'], io)).toBe(0);
    expect(jsonLines(io)).toEqual([
      {
        id: 'a',
        numbers: [
          { text: '46 M$', ...span(french, '46 M$'), value: 46e6, unit: 'USD', qualifier: 'exact' },
          {
            text: 'T3 2025',
            ...span(french, 'T3 2025'),
            value: 3,
            unit: 'quarter',
            qualifier: 'exact',
            period: '2025-Q3',
          },
        ],
      },
      {
        id: 2,
        numbers: [
          { text: '5.9k BTC', ...span(english, '5.9k BTC'), value: 5900, unit: 'BTC', qualifier: 'about' },
          {
            text: 'September 10',
            ...span(english, 'September 10'),
            value: 10,
            unit: 'date',
            qualifier: 'exact',
            period: '--09-10',
          },
        ],
      },
    ]);
  });

  it('answers a malformed line with a precise error and goes on', async () => {
    const io = fakeIo([
      'not json\n',
      `${JSON.stringify({ id: 'x', lang: 'de', text: '5' })}\n`,
      `${JSON.stringify({ lang: 'en', text: '5' })}\n`,
      `${JSON.stringify({ id: 'ok', lang: 'en', text: '18%' })}\n`,
    ]);
    expect(await main(['numbers', '--jsonl'], io)).toBe(0);
    const [syntax, language, missingId, good] = jsonLines(io);
    expect(syntax).toMatchObject({ id: null, error: expect.stringContaining('invalid JSON') });
    expect(language).toMatchObject({ id: 'x', error: expect.stringContaining('lang') });
    expect(missingId).toMatchObject({ id: null, error: expect.stringContaining('id') });
    expect(good).toEqual({
      id: 'ok',
      numbers: [{ text: '18%', start: 0, end: 3, value: 18, unit: 'percent', qualifier: 'exact' }],
    });
  });

  it('refuses an unknown option or language with exit code 2', async () => {
    const option = fakeIo();
    expect(await main(['numbers', '--bogus'], option)).toBe(2);
    expect(option.stderr.join('\n')).toContain('--bogus');
    const language = fakeIo();
    expect(await main(['numbers', '--lang', 'de'], language)).toBe(2);
    expect(language.stderr.join('\n')).toContain('de');
    expect(language.stdout).toEqual([]);
  });
});
