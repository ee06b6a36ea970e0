import { describe, expect, it } from 'vitest';
import { coversPeriod, spanOf } from '../../../facts/search/periods.ts';

const month = (year: number, m: number) => year * 12 + m - 1;

describe('periods as spans of months', () => {
  it('reads every stored period form', () => {
    expect(spanOf('2025')).toEqual([month(2025, 1), month(2025, 12)]);
    expect(spanOf('2025-H2')).toEqual([month(2025, 7), month(2025, 12)]);
    expect(spanOf('2025-Q3')).toEqual([month(2025, 7), month(2025, 9)]);
    expect(spanOf('2025-09-10')).toEqual([month(2025, 9), month(2025, 9)]);
    expect(spanOf('2025-01/2025-08')).toEqual([month(2025, 1), month(2025, 8)]);
  });

  it('lets a fact speak of a period one of its values overlaps, or any period when none is dated', () => {
    const q3 = [spanOf('2025-Q3')!];
    expect(coversPeriod(q3, { span: [month(2025, 1), month(2025, 12)] })).toBe(true);
    expect(coversPeriod(q3, { span: [month(2025, 4), month(2025, 6)] })).toBe(false);
    expect(coversPeriod(q3, { months: [6, 7, 8] })).toBe(true);
    expect(coversPeriod(q3, { months: [3, 4, 5] })).toBe(false);
    expect(coversPeriod([], { span: [month(2024, 1), month(2024, 12)] })).toBe(true);
  });
});
