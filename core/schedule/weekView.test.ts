import { describe, expect, it } from 'vitest';
import { at, campaignOf, makeSchedule } from './arbitraries.js';
import { weekView } from './index.js';

const SH = { id: 's1', timezone: 'Asia/Shanghai' };
const BER = { id: 's2', timezone: 'Europe/Berlin' };

describe('week view', () => {
  it('has one entry per local hour: 168, or 167 and 169 in DST weeks', () => {
    const s = makeSchedule();
    const sh = weekView(s, SH, '2026-06-15');
    expect(sh.hours).toHaveLength(168);
    expect(sh.hours[0]).toMatchObject({
      date: '2026-06-15',
      hour: 0,
      startsAt: at('2026-06-15T00:00+08:00'),
    });
    expect(sh.endsAt).toBe(at('2026-06-22T00:00+08:00'));
    expect(weekView(s, BER, '2026-03-23').hours).toHaveLength(167);
    const fall = weekView(s, BER, '2026-10-19').hours.filter((h) => h.date === '2026-10-25');
    expect(fall.map((h) => h.hour).slice(0, 5)).toEqual([0, 1, 2, 2, 3]);
    expect(() => weekView(s, SH, '2026/06/15')).toThrow(RangeError);
  });

  it('reports the lists share actually achieved, which an emergency may take', () => {
    const s = makeSchedule({
      emergencies: [
        {
          id: 'e',
          itemId: 'n',
          startsAt: at('2026-06-16T10:00+08:00'),
          expiresAt: at('2026-06-16T11:00+08:00'),
          createdAt: 0,
        },
      ],
    });
    const view = weekView(s, SH, '2026-06-15');
    const tenOnTuesday = view.hours.find((h) => h.date === '2026-06-16' && h.hour === 10);
    expect(tenOnTuesday?.listsShare).toBe(0);
    expect(tenOnTuesday?.winners).toEqual([
      {
        startsAt: at('2026-06-16T10:00+08:00'),
        endsAt: at('2026-06-16T11:00+08:00'),
        reason: 'emergency',
        emergencyId: 'e',
      },
    ]);
    const others = view.hours.filter((h) => h !== tenOnTuesday);
    expect(others.every((h) => h.listsShare >= 0.3)).toBe(true);
    expect(others.every((h) => Math.abs(h.listsShare - 0.3) < 1e-9)).toBe(true);
  });

  it('names the winning campaign per stretch and warns when two of one priority collide', () => {
    const s = makeSchedule({
      campaigns: [
        campaignOf({
          id: 'a',
          name: '诚信兴商宣传月',
          approvedAt: 2,
          dayparts: [{ start: '09:00', end: '12:00' }],
        }),
        campaignOf({
          id: 'b',
          name: '信用交通宣传月',
          approvedAt: 1,
          dayparts: [{ start: '11:00', end: '13:00' }],
        }),
        campaignOf({
          id: 'h',
          name: '诚信大讲堂',
          priority: 'high',
          dayparts: [{ start: '11:30', end: '11:45' }],
        }),
      ],
    });
    const view = weekView(s, SH, '2026-06-15');
    expect(view.collisions).toHaveLength(7);
    expect(view.collisions[0]).toMatchObject({
      startsAt: at('2026-06-15T11:00+08:00'),
      endsAt: at('2026-06-15T12:00+08:00'),
      priority: 'normal',
      campaignIds: ['a', 'b'],
      winnerId: 'a',
    });
    expect(view.collisions[0]?.message).toContain('诚信兴商宣传月');
    expect(view.collisions[0]?.message).toContain('信用交通宣传月');
    const eleven = view.hours.find((h) => h.date === '2026-06-15' && h.hour === 11);
    expect(eleven?.collisions).toHaveLength(1);
    expect(eleven?.winners.map((w) => [w.campaignId, (w.endsAt - w.startsAt) / 60_000])).toEqual([
      ['a', 30],
      ['h', 15],
      ['a', 15],
    ]);
    expect(view.hours.find((h) => h.date === '2026-06-15' && h.hour === 12)?.winners[0]?.campaignId).toBe(
      'b',
    );
  });

  it('joins a collision across midnight into one warning', () => {
    const late = [{ start: '22:00', end: '02:00' }];
    const s = makeSchedule({
      campaigns: [campaignOf({ id: 'a', dayparts: late }), campaignOf({ id: 'b', dayparts: late })],
    });
    const view = weekView(s, SH, '2026-06-15');
    expect(view.collisions.map((c) => (c.endsAt - c.startsAt) / 3_600_000)).toEqual([2, 4, 4, 4, 4, 4, 4, 2]);
  });
});
