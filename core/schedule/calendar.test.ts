import { afterEach, describe, expect, it } from 'vitest';
import { at, campaignOf, makeSchedule } from './arbitraries.js';
import { compile, resolve, timeline } from './index.js';
import type { ScheduledCampaign } from './types.js';
import { daysOfDate } from './zone.js';

const SH = { id: 's1', timezone: 'Asia/Shanghai' };
const BER = { id: 's2', timezone: 'Europe/Berlin' };

/** The campaign playing at an instant (outside the lists' share: call at hh:m5). */
function playing(c: Partial<ScheduledCampaign>, screen: typeof SH, iso: string): string | undefined {
  const s = makeSchedule({ campaigns: [campaignOf({ id: 'c', ...c })] });
  return resolve(s, screen, at(iso))?.campaignId;
}

describe('dayparts, weekdays and dates (2026-06-14 is a Sunday)', () => {
  it('wraps a daypart past midnight as part of the previous day', () => {
    const c = { dayparts: [{ start: '22:00', end: '02:00' }], weekdays: [1] };
    expect(playing(c, SH, '2026-06-14T23:05+08:00')).toBeUndefined();
    expect(playing(c, SH, '2026-06-15T01:05+08:00')).toBeUndefined();
    expect(playing(c, SH, '2026-06-15T22:05+08:00')).toBe('c');
    expect(playing(c, SH, '2026-06-16T01:55+08:00')).toBe('c');
    expect(playing(c, SH, '2026-06-16T02:05+08:00')).toBeUndefined();
    expect(playing(c, SH, '2026-06-16T22:05+08:00')).toBeUndefined();
  });

  it('cuts Sunday-only and Monday-only campaigns exactly at local midnight', () => {
    expect(playing({ weekdays: [7] }, SH, '2026-06-13T23:55+08:00')).toBeUndefined();
    expect(playing({ weekdays: [7] }, SH, '2026-06-14T00:05+08:00')).toBe('c');
    expect(playing({ weekdays: [7] }, SH, '2026-06-14T23:55+08:00')).toBe('c');
    expect(playing({ weekdays: [7] }, SH, '2026-06-15T00:05+08:00')).toBeUndefined();
    expect(playing({ weekdays: [1] }, SH, '2026-06-15T00:05+08:00')).toBe('c');
    const s = makeSchedule({ campaigns: [campaignOf({ id: 'c', weekdays: [7] })] });
    const slots = timeline(s, SH, at('2026-06-14T23:50+08:00'), at('2026-06-15T00:10+08:00'));
    expect(slots.filter((x) => x.campaignId).at(-1)?.endsAt).toBe(at('2026-06-15T00:00+08:00'));
  });

  it('skips excluded dates, but keeps the after-midnight tail of the day before', () => {
    const allDay = { excludedDates: ['2026-06-17'] };
    expect(playing(allDay, SH, '2026-06-16T12:05+08:00')).toBe('c');
    expect(playing(allDay, SH, '2026-06-17T12:05+08:00')).toBeUndefined();
    expect(playing(allDay, SH, '2026-06-18T12:05+08:00')).toBe('c');
    const late = { dayparts: [{ start: '22:00', end: '02:00' }], excludedDates: ['2026-06-17'] };
    expect(playing(late, SH, '2026-06-17T01:05+08:00')).toBe('c');
    expect(playing(late, SH, '2026-06-17T23:05+08:00')).toBeUndefined();
    expect(playing(late, SH, '2026-06-18T01:05+08:00')).toBeUndefined();
    expect(playing(late, SH, '2026-06-18T23:05+08:00')).toBe('c');
  });

  it('never activates a campaign that ends before it starts', () => {
    const s = makeSchedule({
      campaigns: [campaignOf({ id: 'c', startDate: '2026-06-20', endDate: '2026-06-10' })],
    });
    const slots = timeline(s, SH, at('2026-06-08T00:00+08:00'), at('2026-06-23T00:00+08:00'));
    expect(slots.length).toBeGreaterThan(10_000);
    expect(slots.some((x) => x.campaignId)).toBe(false);
  });

  it('uses inclusive start and end dates of the screen’s zone', () => {
    const c = { startDate: '2026-06-15', endDate: '2026-06-15' };
    expect(playing(c, SH, '2026-06-14T23:55+08:00')).toBeUndefined();
    expect(playing(c, SH, '2026-06-15T00:05+08:00')).toBe('c');
    expect(playing(c, SH, '2026-06-15T23:55+08:00')).toBe('c');
    expect(playing(c, SH, '2026-06-16T00:05+08:00')).toBeUndefined();
  });
});

describe('timezones', () => {
  it('has 24-hour days starting at 16:00 UTC in Asia/Shanghai, all year', () => {
    const c = compile(makeSchedule(), SH);
    for (const date of ['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-31']) {
      const day = c.dayPlan(daysOfDate(date)).day;
      expect(day.start).toBe(at(`${date}T00:00+08:00`));
      expect(day.end - day.start).toBe(86_400_000);
    }
  });

  it('follows Europe/Berlin into summer time: a 23-hour day and a daypart in the gap never plays', () => {
    const c = compile(makeSchedule(), BER);
    const day = c.dayPlan(daysOfDate('2026-03-29')).day;
    expect([day.start, day.end - day.start]).toEqual([at('2026-03-29T00:00+01:00'), 23 * 3_600_000]);
    expect(
      playing({ dayparts: [{ start: '02:00', end: '03:00' }] }, BER, '2026-03-29T03:05+02:00'),
    ).toBeUndefined();
    const s = makeSchedule({
      campaigns: [campaignOf({ id: 'c', dayparts: [{ start: '01:00', end: '03:00' }] })],
    });
    const slots = timeline(s, BER, at('2026-03-29T00:00+01:00'), at('2026-03-29T06:00+02:00'));
    const camp = slots.filter((x) => x.campaignId);
    expect(camp[0]?.startsAt).toBe(at('2026-03-29T01:03+01:00'));
    expect(camp.at(-1)?.endsAt).toBe(at('2026-03-29T03:00+02:00'));
    expect(resolve(s, BER, at('2026-03-29T03:00+02:00'))).toMatchObject({
      reason: 'lists-share',
      startsAt: at('2026-03-29T03:00+02:00'),
    });
  });

  it('follows Europe/Berlin back to winter time: a 25-hour day and the repeated hour plays twice', () => {
    expect(compile(makeSchedule(), BER).dayPlan(daysOfDate('2026-10-25')).day.end).toBe(
      at('2026-10-26T00:00+01:00'),
    );
    const c = { dayparts: [{ start: '02:00', end: '03:00' }] };
    expect(playing(c, BER, '2026-10-25T02:05+02:00')).toBe('c');
    expect(playing(c, BER, '2026-10-25T02:05+01:00')).toBe('c');
    expect(playing(c, BER, '2026-10-25T03:05+01:00')).toBeUndefined();
    expect(playing(c, BER, '2026-10-25T01:55+02:00')).toBeUndefined();
  });

  describe('on a host in another zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });
    it('gives the same answers (the host zone is never read)', () => {
      process.env.TZ = 'America/New_York';
      const c = campaignOf({ id: 'c', endDate: '2027-12-31', dayparts: [{ start: '01:00', end: '03:00' }] });
      const s = makeSchedule({ campaigns: [c] });
      const slots = timeline(s, BER, at('2027-03-28T00:00+01:00'), at('2027-03-28T06:00+02:00'));
      expect(slots.filter((x) => x.campaignId).at(-1)?.endsAt).toBe(at('2027-03-28T03:00+02:00'));
      expect(resolve(s, SH, at('2027-06-14T09:04+08:00'))?.reason).toBe('default');
    });
  });
});
