import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  formatChineseDate,
  formatIsoDate,
  formatMonths,
  parseIsoDate,
  periodEnd,
} from './dates.js';

const isoDate = fc
  .record({ year: fc.integer({ min: 1950, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) =>
    fc.integer({ min: 1, max: daysInMonth(year, month) }).map((day) => formatIsoDate({ year, month, day })),
  );

describe('parseIsoDate', () => {
  it('accepts real days only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
    expect(parseIsoDate('2000-02-29')).not.toBeNull();
    expect(parseIsoDate('2026-04-31')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026/01/15')).toBeNull();
    expect(parseIsoDate('2026-1-15')).toBeNull();
  });
});

describe('periodEnd', () => {
  it('counts the start day as the first day', () => {
    expect(periodEnd('2026-01-15', 3)).toBe('2026-04-14');
    expect(periodEnd('2026-04-01', 12)).toBe('2027-03-31');
    expect(periodEnd('2026-03-01', 1)).toBe('2026-03-31');
    expect(periodEnd('2026-01-01', 1)).toBe('2026-01-31');
    expect(periodEnd('2026-12-15', 3)).toBe('2027-03-14');
  });

  it('ends on the last day of a month that lacks the start day', () => {
    expect(periodEnd('2026-01-31', 1)).toBe('2026-02-28');
    expect(periodEnd('2024-01-31', 1)).toBe('2024-02-29');
    expect(periodEnd('2026-01-29', 1)).toBe('2026-02-28');
    expect(periodEnd('2026-01-28', 1)).toBe('2026-02-27');
    expect(periodEnd('2024-02-29', 12)).toBe('2025-02-28');
    expect(periodEnd('2026-05-31', 1)).toBe('2026-06-30');
  });

  it('is a real date, after the start and strictly increasing with the months', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 120 }), (from, months) => {
        const end = periodEnd(from, months);
        expect(parseIsoDate(end)).not.toBeNull();
        expect(end >= from).toBe(true);
        expect(periodEnd(from, months + 1) > end).toBe(true);
      }),
    );
  });
});

describe('formatting', () => {
  it('writes dates and durations as in Chinese documents', () => {
    expect(formatChineseDate('2026-04-14')).toBe('2026年4月14日');
    expect(formatChineseDate('2026-12-01')).toBe('2026年12月1日');
    expect(formatMonths(3)).toBe('3个月');
    expect(formatMonths(12)).toBe('1年');
    expect(formatMonths(18)).toBe('1年6个月');
    expect(formatMonths(36)).toBe('3年');
  });
});
