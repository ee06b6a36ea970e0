import { describe, expect, it } from 'vitest';
import { parseValueLines, printValueLine, printValueLines } from '../../../commands/forms/value-lines.ts';
import { LANGS } from '../../../facts/schema/index.ts';
import { loadSeed } from '../../../facts/seed/index.ts';

const seedValues = loadSeed().facts.flatMap((fact) => fact.values.map((value) => ({ id: fact.id, value })));

describe('value lines (the moderators’ way to write values)', () => {
  it.each(LANGS)('read back every value of the seed exactly as stored (%s)', (lang) => {
    const mismatches = seedValues.flatMap(({ id, value }) => {
      const line = printValueLine(value, lang);
      const parsed = parseValueLines(line, lang, [value]);
      return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify([value])
        ? []
        : [{ id, line, parsed }];
    });
    expect(mismatches).toEqual([]);
  });

  it('read a whole fact’s lines in order, blank lines aside', () => {
    const fact = loadSeed().facts.find((candidate) => candidate.values.length >= 2)!;
    const text = `\n${printValueLines(fact.values, 'fr')}\n\n`;
    expect(parseValueLines(text, 'fr', fact.values)).toEqual({ ok: true, value: fact.values });
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

describe('value lines in either language, whatever the session', () => {
  it('keeps USD and million for “46 millions de dollars” in an English session', () => {
    expect(parseValueLines('netLoss = 46 millions de dollars', 'en')).toMatchObject({
      ok: true,
      value: [{ value: 46e6, unit: 'USD', scale: 'million', qualifier: 'exact' }],
    });
  });

  it('keeps the hedge of “près de 18 %” in an English session and of “nearly 18%” in a French one', () => {
    expect(parseValueLines('drop = près de 18 %', 'en')).toMatchObject({
      ok: true,
      value: [{ value: 18, unit: 'percent', qualifier: 'nearly' }],
    });
    expect(parseValueLines('drop = nearly 18%', 'fr')).toMatchObject({
      ok: true,
      value: [{ value: 18, unit: 'percent', qualifier: 'nearly' }],
    });
  });

  it('reads “about $9.7 billion” as English billions in a French session, not French trillions', () => {
    expect(parseValueLines('deal = about $9.7 billion', 'fr')).toMatchObject({
      ok: true,
      value: [{ value: 9.7e9, scale: 'billion', qualifier: 'about' }],
    });
    expect(parseValueLines('deal = $9.7 billion', 'fr')).toMatchObject({
      ok: true,
      value: [{ value: 9.7e9, scale: 'billion' }],
    });
  });

  it('reads a French month in an English session as its date', () => {
    expect(parseValueLines('passed = juillet 2025', 'en')).toMatchObject({
      ok: true,
      value: [{ kind: 'date', date: '2025-07' }],
    });
  });

  it('refuses “80 bananas” naming its line and the word it cannot read, never storing a bare 80', () => {
    expect(parseValueLines('ok = 18 %\ncount = 80 bananas', 'en')).toEqual({
      ok: false,
      code: 'valueLineWords',
      params: { line: 2, text: 'count = 80 bananas', words: 'bananas' },
    });
  });

  it('keeps the measure of the value a line replaces, and none is invented for a new key', () => {
    const previous = [
      {
        key: 'drop',
        kind: 'quantity',
        measure: 'sharePriceChange',
        direction: 'down',
        value: 7.5,
        unit: 'percent',
        scale: 'one',
        decimals: 1,
        qualifier: 'exact',
      },
    ] as const;
    expect(parseValueLines('drop = 8 %', 'fr', previous)).toMatchObject({
      ok: true,
      value: [{ measure: 'sharePriceChange', direction: 'down', value: 8 }],
    });
    const fresh = parseValueLines('rise = 8 %', 'fr', previous);
    expect(fresh.ok && fresh.value[0]).not.toHaveProperty('measure');
  });
});
