import { describe, expect, it } from 'vitest';
import { parseValueLines, printValueLine, printValueLines } from '../../../commands/forms/value-lines.ts';
import { LANGS } from '../../../facts/schema/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';

const seedValues = loadSeed().facts.flatMap((fact) => fact.values.map((value) => ({ id: fact.id, value })));

describe('value lines (the moderators’ way to write values)', () => {
  it.each(LANGS)('read back every value of the seed exactly as stored (%s)', (lang) => {
    const mismatches = seedValues.flatMap(({ id, value }) => {
      const line = printValueLine(value, lang);
      const parsed = parseValueLines(line, lang);
      return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify([value])
        ? []
        : [{ id, line, parsed }];
    });
    expect(mismatches).toEqual([]);
  });

  it('read a whole fact’s lines in order, blank lines aside', () => {
    const fact = loadSeed().facts.find((candidate) => candidate.values.length >= 2)!;
    const text = `\n${printValueLines(fact.values, 'fr')}\n\n`;
    expect(parseValueLines(text, 'fr')).toEqual({ ok: true, value: fact.values });
  });

  it('read a quantity with its period, hedge and decimals as a reader writes them', () => {
    expect(parseValueLines('netLoss = 46 millions de dollars @ 2025-Q3', 'fr')).toEqual({
      ok: true,
      value: [
        {
          key: 'netLoss',
          kind: 'quantity',
          value: 46e6,
          unit: 'USD',
          scale: 'million',
          decimals: 0,
          qualifier: 'exact',
          period: '2025-Q3',
        },
      ],
    });
    const drop = parseValueLines('drop = nearly 18.5%', 'en');
    expect(drop.ok && drop.value[0]).toMatchObject({
      value: 18.5,
      unit: 'percent',
      decimals: 1,
      qualifier: 'nearly',
    });
  });

  it('read a calendar mention as a date value', () => {
    const passed = parseValueLines('passed = juillet 2025', 'fr');
    expect(passed).toEqual({
      ok: true,
      value: [{ key: 'passed', kind: 'date', date: '2025-07', qualifier: 'exact' }],
    });
  });

  it.each(LANGS)('read a span of two dates and a spoken fraction back (%s)', (lang) => {
    const values = [
      { key: 'window', kind: 'date', date: '2025-01/2025-08', qualifier: 'exact' },
      {
        key: 'share',
        kind: 'quantity',
        value: 0.6667,
        unit: 'fraction',
        scale: 'one',
        decimals: 4,
        qualifier: 'about',
      },
    ] as const;
    expect(parseValueLines(printValueLines(values, lang), lang)).toEqual({ ok: true, value: values });
  });

  it.each([
    ['Net-Loss = 3', 'valueLineInvalid'],
    ['netLoss 46 millions', 'valueLineInvalid'],
    ['share = beaucoup', 'valueLineNoNumber'],
    ['range = de 3 à 5 ans', 'valueLineManyNumbers'],
    ['loss = 46 millions de dollars @ Q3', 'valueLinePeriod'],
  ])('refuse %j with %s, naming the line', (line, code) => {
    const parsed = parseValueLines(`ok = 18 %\n${line}`, 'fr');
    expect(parsed).toMatchObject({ ok: false, code, params: { line: 2 } });
  });
});
