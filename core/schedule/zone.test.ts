import dayjs from 'dayjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, wallOf, ZONES } from './arbitraries.js';
import { listsMs } from './cycle.js';
import {
  DAY_MS,
  dateOfDays,
  daysOfDate,
  HOUR_MS,
  isoWeekday,
  validTimezone,
  wallToInstants,
  zoneDay,
  zoneDayAt,
} from './zone.js';

describe('calendar arithmetic', () => {
  it('round-trips day numbers and dates, as dayjs formats them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
        const date = dateOfDays(days);
        expect(date).toBe(dayjs.utc(days * DAY_MS).format('YYYY-MM-DD'));
        expect(daysOfDate(date)).toBe(days);
      }),
    );
    expect(daysOfDate('2026-6-1')).toBeNaN();
  });

  it('numbers weekdays the ISO way', () => {
    expect(isoWeekday(daysOfDate('2026-06-14'))).toBe(7);
    expect(isoWeekday(daysOfDate('2026-06-15'))).toBe(1);
    expect(isoWeekday(daysOfDate('1969-12-29'))).toBe(1);
  });
});

describe('zone days', () => {
  it('cut a DST day into two offset segments', () => {
    const spring = zoneDay('America/New_York', daysOfDate('2026-03-08'));
    expect(spring.segments.map((s) => [s.start, s.end, s.offset / HOUR_MS])).toEqual([
      [at('2026-03-08T00:00-05:00'), at('2026-03-08T02:00-05:00'), -5],
      [at('2026-03-08T03:00-04:00'), at('2026-03-09T00:00-04:00'), -4],
    ]);
    const fall = zoneDay('Europe/Berlin', daysOfDate('2026-10-25'));
    expect(fall.end - fall.start).toBe(25 * HOUR_MS);
  });

  it('map wall windows to instants: none in a gap, two in a repeated hour', () => {
    const spring = zoneDay('Europe/Berlin', daysOfDate('2026-03-29'));
    expect(wallToInstants(spring, 2 * HOUR_MS, 3 * HOUR_MS)).toEqual([]);
    expect(wallToInstants(spring, 1 * HOUR_MS, 4 * HOUR_MS)).toEqual([
      [at('2026-03-29T01:00+01:00'), at('2026-03-29T04:00+02:00')],
    ]);
    const fall = zoneDay('Europe/Berlin', daysOfDate('2026-10-25'));
    expect(wallToInstants(fall, 2 * HOUR_MS, 2.5 * HOUR_MS)).toEqual([
      [at('2026-10-25T02:00+02:00'), at('2026-10-25T02:30+02:00')],
      [at('2026-10-25T02:00+01:00'), at('2026-10-25T02:30+01:00')],
    ]);
  });

  it('find the day of any instant, the one dayjs reads on the wall clock', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES, 'Asia/Kathmandu'),
        fc.integer({ min: 1.7e12, max: 1.9e12 }),
        (tz, t) => {
          const day = zoneDayAt(tz, t);
          expect(day.start <= t && t < day.end).toBe(true);
          expect(day.date).toBe(wallOf(tz, t).date);
        },
      ),
    );
  });

  it('fall back to Asia/Shanghai for an unknown zone', () => {
    expect(validTimezone('Mars/Olympus')).toBe('Asia/Shanghai');
    expect(validTimezone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});

describe('lists share of a cycle', () => {
  it('is ceil(share × length), immune to floating-point dust', () => {
    expect(listsMs(0.7, 600_000)).toBe(420_000);
    expect(listsMs(0.3, 600_000)).toBe(180_000);
    expect(listsMs(1 / 3, 600_000)).toBe(200_000);
    expect(listsMs(0.33, 600_000)).toBe(198_000);
    expect(listsMs(0.3000001, 600_000)).toBe(180_001);
    expect(listsMs(1, 600_000)).toBe(600_000);
    expect(listsMs(0, 600_000)).toBe(0);
  });
});
