import { describe, expect, it } from 'vitest';
import { latestRun, localDateOf, nextRun } from '../../../bot/digest/schedule.ts';

const at = (iso: string) => new Date(iso);

describe('the daily schedule of a server', () => {
  it('falls due at the local time in the server zone, for that local date', () => {
    const run = latestRun('08:00', 'Asia/Tokyo', at('2025-11-04T23:30:00Z'));
    expect(run).toEqual({ at: at('2025-11-04T23:00:00Z'), localDate: '2025-11-05' });
  });

  it('is due exactly at its minute and owes the previous day just before it', () => {
    expect(latestRun('08:00', 'Europe/Paris', at('2025-11-04T07:00:00Z'))?.localDate).toBe('2025-11-04');
    expect(latestRun('08:00', 'Europe/Paris', at('2025-11-04T06:59:59Z'))?.localDate).toBe('2025-11-03');
  });

  it('moves a time that does not exist on the spring-forward day to just after the gap (Paris, Toronto)', () => {
    expect(nextRun('02:30', 'Europe/Paris', at('2025-03-29T12:00:00Z'))).toEqual({
      at: at('2025-03-30T01:00:00Z'),
      localDate: '2025-03-30',
    });
    expect(nextRun('02:30', 'America/Toronto', at('2025-03-08T12:00:00Z'))).toEqual({
      at: at('2025-03-09T07:00:00Z'),
      localDate: '2025-03-09',
    });
  });

  it('falls due once, at the first occurrence, for a time that happens twice on the fall-back day', () => {
    const first = nextRun('01:30', 'America/Toronto', at('2025-11-01T12:00:00Z'))!;
    expect(first.at).toEqual(at('2025-11-02T05:30:00Z'));
    // After the second 01:30 (06:30Z) the latest run is still the first one, and the next is the next day.
    expect(latestRun('01:30', 'America/Toronto', at('2025-11-02T06:45:00Z'))?.at).toEqual(first.at);
    expect(nextRun('01:30', 'America/Toronto', first.at)?.localDate).toBe('2025-11-03');
    expect(nextRun('02:30', 'Europe/Paris', at('2025-10-25T12:00:00Z'))?.at).toEqual(
      at('2025-10-26T00:30:00Z'),
    );
  });

  it('tells the local date of an instant in any zone', () => {
    expect(localDateOf(at('2025-12-31T23:30:00Z'), 'Europe/Paris')).toBe('2026-01-01');
    expect(localDateOf(at('2026-01-01T03:00:00Z'), 'America/Toronto')).toBe('2025-12-31');
  });
});
