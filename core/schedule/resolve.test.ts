import { describe, expect, it } from 'vitest';
import { at, campaignOf, makeSchedule, pl } from './arbitraries.js';
import { compile, effectiveCycleMs, resolve, timeline } from './index.js';
import type { ResolvedSlot } from './types.js';

const SH = { id: 's1', timezone: 'Asia/Shanghai' };
const S = 1000;
const brief = (slots: ResolvedSlot[]) => slots.map((s) => [s.itemId, (s.endsAt - s.startsAt) / S]);
const listsTime = (slots: ResolvedSlot[]) =>
  slots.filter((s) => s.reason === 'lists-share').reduce((n, s) => n + s.endsAt - s.startsAt, 0);

describe('fill layout', () => {
  it('opens every cycle with the lists share, then the default, rotating where each left off', () => {
    const s = makeSchedule();
    const nine = at('2026-06-15T09:00+08:00');
    const slots = timeline(s, SH, nine, nine + 600 * S);
    // 54 cycles since midnight gave the lists 9720 s = 40 loops of 240 s + 120 s: lists-2 is next.
    expect(brief(slots.slice(0, 4))).toEqual([
      ['lists-2', 60],
      ['lists-3', 60],
      ['lists-0', 60],
      ['def-0', 30],
    ]);
    expect(slots.slice(3).every((x) => x.reason === 'default')).toBe(true);
    expect(listsTime(slots)).toBe(180 * S);
    expect(resolve(s, SH, nine + 600 * S)?.itemId).toBe('lists-1');
  });

  it('cuts an entry at the end of the lists share and resumes it at the next cycle', () => {
    const s = makeSchedule({ playlists: [pl('lists', [100, 100]), pl('def', [30])] });
    const midnight = at('2026-06-15T00:00+08:00');
    const slots = timeline(s, SH, midnight, midnight + 780 * S).filter((x) => x.reason === 'lists-share');
    expect(slots.map((x) => [x.itemId, (x.startsAt - midnight) / S, (x.endsAt - midnight) / S])).toEqual([
      ['lists-0', 0, 100],
      ['lists-1', 100, 180],
      ['lists-1', 600, 620],
      ['lists-0', 620, 720],
      ['lists-1', 720, 780],
    ]);
  });

  it('keeps one slot for one play that runs across cycle boundaries', () => {
    const listsOnly = makeSchedule({ listShare: 1, playlists: [pl('lists', [900]), pl('def', [30])] });
    const midnight = at('2026-06-15T00:00+08:00');
    expect(resolve(listsOnly, SH, midnight + 700 * S)).toMatchObject({
      startsAt: midnight,
      endsAt: midnight + 900 * S,
    });
    const defaultOnly = makeSchedule({ playlists: [pl('def', [1500])] });
    expect(resolve(defaultOnly, SH, midnight + 1 * S)).toMatchObject({
      itemId: 'def-0',
      reason: 'default',
      startsAt: midnight,
      endsAt: midnight + 1500 * S,
    });
  });
});

describe('interleave layout', () => {
  it('alternates list and campaign entries and still gives the lists exactly their share', () => {
    const s = makeSchedule({ campaigns: [campaignOf({ id: 'c', sharing: 'interleave' })] });
    const midnight = at('2026-06-15T00:00+08:00');
    const slots = timeline(s, SH, midnight, midnight + 600 * S);
    expect(brief(slots.slice(0, 6))).toEqual([
      ['lists-0', 60],
      ['camp-0', 40],
      ['lists-1', 60],
      ['camp-1', 40],
      ['lists-2', 60],
      ['camp-2', 40],
    ]);
    expect(slots.slice(5).every((x) => x.reason === 'campaign' && x.campaignId === 'c')).toBe(true);
    expect(brief(slots).at(-1)).toEqual(['camp-1', 20]);
    expect(listsTime(slots)).toBe(180 * S);
    // The next cycle resumes both rotations: lists-3, then the rest of the cut camp-1.
    expect(brief(timeline(s, SH, midnight + 600 * S, midnight + 700 * S).slice(0, 2))).toEqual([
      ['lists-3', 60],
      ['camp-1', 20],
    ]);
  });

  it('falls back to the fill layout in a cycle the campaign does not hold throughout', () => {
    const c = campaignOf({ id: 'c', sharing: 'interleave', dayparts: [{ start: '09:05', end: '12:00' }] });
    const s = makeSchedule({ campaigns: [c] });
    const nine = at('2026-06-15T09:00+08:00');
    const slots = timeline(s, SH, nine, nine + 600 * S);
    expect(slots.slice(0, 3).every((x) => x.reason === 'lists-share')).toBe(true);
    expect(slots.find((x) => x.reason === 'campaign')?.startsAt).toBe(nine + 300 * S);
  });
});

describe('emergencies', () => {
  const e = (id: string, from: string, to: string, createdAt: number) => ({
    id,
    itemId: `notice-${id}`,
    startsAt: at(from),
    expiresAt: at(to),
    createdAt,
  });
  const s = makeSchedule({
    emergencies: [
      e('e1', '2026-06-15T10:00+08:00', '2026-06-15T11:00+08:00', 1),
      e('e2', '2026-06-15T10:30+08:00', '2026-06-15T10:45+08:00', 2),
      e('e3', '2026-06-15T10:40+08:00', '2026-06-15T12:00+08:00', 0),
      e('never', '2026-06-15T13:00+08:00', '2026-06-15T12:00+08:00', 9),
    ],
  });

  it('win while active, the newest createdAt among several, and expire by themselves', () => {
    const slots = timeline(s, SH, at('2026-06-15T09:59+08:00'), at('2026-06-15T12:01+08:00'));
    const ems = slots.filter((x) => x.reason === 'emergency');
    expect(ems.map((x) => [x.emergencyId, x.startsAt, x.endsAt])).toEqual([
      ['e1', at('2026-06-15T10:00+08:00'), at('2026-06-15T10:30+08:00')],
      ['e2', at('2026-06-15T10:30+08:00'), at('2026-06-15T10:45+08:00')],
      ['e1', at('2026-06-15T10:45+08:00'), at('2026-06-15T11:00+08:00')],
      ['e3', at('2026-06-15T11:00+08:00'), at('2026-06-15T12:00+08:00')],
    ]);
    expect(ems[0]).toMatchObject({ itemId: 'notice-e1', playlistId: '' });
    const before = slots[slots.indexOf(ems[0] as ResolvedSlot) - 1];
    expect(before?.endsAt).toBe(at('2026-06-15T10:00+08:00'));
    expect(resolve(s, SH, at('2026-06-15T12:00+08:00'))?.reason).toBe('lists-share');
    expect(resolve(s, SH, at('2026-06-15T12:30+08:00'))?.reason).not.toBe('emergency');
  });
});

describe('fallbacks', () => {
  const midnight = at('2026-06-15T00:00+08:00');
  const day = (s: ReturnType<typeof makeSchedule>) => timeline(s, SH, midnight, midnight + 86_400 * S);

  it('gives an empty or missing lists playlist’s share to the campaign or the default', () => {
    const noLists = makeSchedule({
      playlists: [pl('def', [30]), pl('camp', [40])],
      campaigns: [campaignOf({ id: 'c' })],
    });
    const slots = day(noLists);
    expect(slots.some((x) => x.reason === 'lists-share')).toBe(false);
    expect(slots.every((x) => x.reason === 'campaign')).toBe(true);
    const expired = makeSchedule({
      playlists: [pl('lists', [60], [{ validUntil: '2026-06-14' }]), pl('def', [30])],
    });
    expect(day(expired).every((x) => x.reason === 'default')).toBe(true);
  });

  it('lets the lists fill the time when there is no default, and is null when nothing can play', () => {
    const noDefault = makeSchedule({ playlists: [pl('lists', [60])] });
    expect(day(noDefault).every((x) => x.reason === 'lists-share')).toBe(true);
    const nothing = makeSchedule({
      playlists: [pl('lists', []), pl('camp', [40])],
      campaigns: [campaignOf({ id: 'c', dayparts: [{ start: '09:00', end: '10:00' }] })],
    });
    expect(resolve(nothing, SH, midnight)).toBeNull();
    expect(day(nothing).map((x) => x.campaignId)).toEqual(Array(90).fill('c'));
    expect(timeline(makeSchedule({ playlists: [] }), SH, midnight, midnight + 3_600_000)).toEqual([]);
  });

  it('skips a campaign with nothing valid to play, and entries outside their validity', () => {
    const s = makeSchedule({
      playlists: [
        pl('lists', [60]),
        pl('def', [30, 30], [{}, { validFrom: '2026-06-16' }]),
        pl('camp', [40]),
      ],
      campaigns: [
        campaignOf({ id: 'hi', priority: 'high', playlistIds: ['missing'] }),
        campaignOf({ id: 'lo' }),
      ],
    });
    expect(
      day(s)
        .filter((x) => x.reason !== 'lists-share')
        .every((x) => x.campaignId === 'lo'),
    ).toBe(true);
    const noCampaign = makeSchedule({ playlists: s.playlists });
    expect(day(noCampaign).some((x) => x.itemId === 'def-1')).toBe(false);
    expect(
      timeline(noCampaign, SH, midnight + 86_400 * S, midnight + 87_000 * S).some(
        (x) => x.itemId === 'def-1',
      ),
    ).toBe(true);
  });
});

describe('priority and cycles', () => {
  it('high beats normal, then the newest approval, then the smaller id', () => {
    const t = at('2026-06-15T09:05+08:00');
    const c = (id: string, priority: 'high' | 'normal', approvedAt: number) =>
      campaignOf({ id, priority, approvedAt });
    expect(
      resolve(makeSchedule({ campaigns: [c('a', 'normal', 9), c('b', 'high', 1)] }), SH, t)?.campaignId,
    ).toBe('b');
    expect(
      resolve(makeSchedule({ campaigns: [c('a', 'normal', 1), c('b', 'normal', 2)] }), SH, t)?.campaignId,
    ).toBe('b');
    expect(
      resolve(makeSchedule({ campaigns: [c('z', 'high', 1), c('y', 'high', 1)] }), SH, t)?.campaignId,
    ).toBe('y');
  });

  it('uses the largest divisor of the hour when cycleMs does not divide it', () => {
    expect([600_000, 700_000, 420_000, 0, Number.NaN, 7_200_000, 1].map(effectiveCycleMs)).toEqual([
      600_000, 600_000, 400_000, 3_600_000, 3_600_000, 3_600_000, 1,
    ]);
    const s = makeSchedule({ cycleMs: 700_000 });
    expect(compile(s, SH).cycleMs).toBe(600_000);
    expect(resolve(s, SH, at('2026-06-15T09:10+08:00'))?.reason).toBe('lists-share');
  });

  it('falls back to Asia/Shanghai for a timezone Intl does not know', () => {
    const s = makeSchedule();
    const t = at('2026-06-15T09:04+08:00');
    expect(resolve(s, { id: 'x', timezone: 'Mars/Olympus' }, t)).toEqual(resolve(s, SH, t));
  });
});
