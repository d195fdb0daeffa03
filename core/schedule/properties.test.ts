import dayjs from 'dayjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type Case, hourlyOffsets, scheduleCase, wallOf } from './arbitraries.js';
import { effectiveCycleMs } from './cycle.js';
import { compile, naiveMinutes, resolve, timeline } from './index.js';
import type { ResolvedSlot, ScheduledCampaign } from './types.js';
import { HOUR_MS, MINUTE_MS } from './zone.js';

const screenOf = (c: Case) => ({ id: 'screen-1', timezone: c.tz });
const RUNS = { numRuns: 30 };
/** Property tests walk days of timelines; leave room on a busy CI machine. */
const SLOW = 120_000;

/** Campaign activity at an instant, from the rules' text and dayjs alone. */
function activeAt(c: ScheduledCampaign, tz: string, t: number, offsets: (t: number) => number): boolean {
  const { date, minute } = wallOf(tz, t, offsets);
  const prevDate = addDays(date, -1);
  const ok = (d: string) => {
    const wd = ((dayjs.utc(d).day() + 6) % 7) + 1;
    return (
      d >= c.startDate &&
      d <= c.endDate &&
      !c.excludedDates.includes(d) &&
      (!c.weekdays.length || c.weekdays.includes(wd))
    );
  };
  if (c.dayparts.length === 0) return ok(date);
  return c.dayparts.some((p) => {
    const s = Number(p.start.slice(0, 2)) * 60 + Number(p.start.slice(3));
    const e = Number(p.end.slice(0, 2)) * 60 + Number(p.end.slice(3));
    if (s < e) return minute >= s && minute < e && ok(date);
    return (minute >= s && ok(date)) || (minute < e && ok(prevDate));
  });
}

function slotAtMinute(slots: ResolvedSlot[], t: number): ResolvedSlot | null {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((slots[mid] as ResolvedSlot).endsAt <= t) lo = mid + 1;
    else hi = mid;
  }
  const s = slots[lo];
  return s && s.startsAt <= t ? s : null;
}

describe('schedule properties', () => {
  it(
    'agrees with the naive minute-by-minute oracle at every minute of 3 days',
    () => {
      fc.assert(
        fc.property(scheduleCase({ minuteCycles: true }), (c) => {
          const slots = compile(c.schedule, screenOf(c)).timeline(c.from, c.to);
          const minutes = (c.to - c.from) / MINUTE_MS;
          const naive = naiveMinutes(c.schedule, screenOf(c), c.from, minutes, {
            offsetMinutes: hourlyOffsets(c.tz),
          });
          for (const m of naive) {
            const s = slotAtMinute(slots, m.t);
            expect({
              t: m.t,
              itemId: s?.itemId ?? null,
              reason: s?.reason,
              campaignId: s?.campaignId,
            }).toEqual({
              t: m.t,
              itemId: m.itemId,
              reason: m.reason,
              campaignId: m.campaignId,
            });
            if (s) expect(s.playlistId).toBe(m.playlistId);
          }
        }),
        { numRuns: 20 },
      );
    },
    SLOW,
  );

  it(
    'lets an active emergency win, the newest createdAt among several',
    () => {
      fc.assert(
        fc.property(scheduleCase(), fc.double({ min: 0, max: 1, noNaN: true }), (c, x) => {
          const active = (t: number) =>
            c.schedule.emergencies.filter((e) => e.startsAt <= t && t < e.expiresAt);
          for (const e of c.schedule.emergencies) {
            if (e.startsAt >= e.expiresAt) continue;
            const t = Math.floor(e.startsAt + x * (e.expiresAt - e.startsAt - 1));
            const slot = resolve(c.schedule, screenOf(c), t);
            const newest = Math.max(...active(t).map((a) => a.createdAt));
            expect(slot?.reason).toBe('emergency');
            const winner = c.schedule.emergencies.find((a) => a.id === slot?.emergencyId);
            expect(winner?.createdAt).toBe(newest);
            expect(slot?.itemId).toBe(winner?.itemId);
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'never plays a campaign outside its dates, weekdays and dayparts, nor an entry outside its validity',
    () => {
      fc.assert(
        fc.property(scheduleCase(), (c) => {
          const byId = new Map(c.schedule.campaigns.map((k) => [k.id, k]));
          const offsets = hourlyOffsets(c.tz);
          for (const s of timeline(c.schedule, screenOf(c), c.from, c.to)) {
            if (s.reason === 'emergency') continue;
            for (const t of [s.startsAt, s.endsAt - 1, Math.floor((s.startsAt + s.endsAt) / 2)]) {
              if (s.campaignId)
                expect(activeAt(byId.get(s.campaignId) as ScheduledCampaign, c.tz, t, offsets)).toBe(true);
              const date = wallOf(c.tz, t, offsets).date;
              const entries = c.schedule.playlists.find((p) => p.id === s.playlistId)?.entries ?? [];
              const valid = entries.some(
                (e) =>
                  e.itemId === s.itemId &&
                  (e.validFrom === undefined || e.validFrom <= date) &&
                  (e.validUntil === undefined || date <= e.validUntil),
              );
              expect(valid).toBe(true);
            }
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'never returns null when the default playlist has something valid, and leaves no gap',
    () => {
      fc.assert(
        fc.property(
          scheduleCase({ solidDefault: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (c, x) => {
            const t = Math.floor(c.from + x * (c.to - c.from - 1));
            expect(resolve(c.schedule, screenOf(c), t)).not.toBeNull();
            const slots = timeline(c.schedule, screenOf(c), c.from, c.to);
            expect(slots[0]?.startsAt).toBe(c.from);
            expect(slots[slots.length - 1]?.endsAt).toBe(c.to);
            for (let i = 1; i < slots.length; i++) expect(slots[i]?.startsAt).toBe(slots[i - 1]?.endsAt);
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'gives the lists at least their share of every local hour unless an emergency is active',
    () => {
      fc.assert(
        fc.property(scheduleCase({ emergencies: false }), fc.integer({ min: 0, max: 71 }), (c, h) => {
          const probe = c.from + h * HOUR_MS + HOUR_MS / 2;
          const { minute } = wallOf(c.tz, probe);
          const start = probe - (minute % 60) * MINUTE_MS;
          const date = wallOf(c.tz, start).date;
          const lists = c.schedule.playlists.find((p) => p.id === 'lists')?.entries ?? [];
          const listsCanPlay = lists.some(
            (e) =>
              (e.validFrom === undefined || e.validFrom <= date) &&
              (e.validUntil === undefined || date <= e.validUntil),
          );
          fc.pre(listsCanPlay);
          const slots = timeline(c.schedule, screenOf(c), start, start + HOUR_MS);
          const got = slots
            .filter((s) => s.reason === 'lists-share')
            .reduce((n, s) => n + s.endsAt - s.startsAt, 0);
          // listsMs counts a product within 1e-6 ms of an integer as that integer, 12 cycles at most.
          expect(got).toBeGreaterThanOrEqual(c.schedule.listShare * HOUR_MS - 1e-3);
          expect(HOUR_MS % effectiveCycleMs(c.schedule.cycleMs)).toBe(0);
        }),
        { numRuns: 80 },
      );
    },
    SLOW,
  );

  it(
    'is deterministic: same input, same output, with or without the compile cache',
    () => {
      fc.assert(
        fc.property(scheduleCase(), fc.double({ min: 0, max: 1, noNaN: true }), (c, x) => {
          const copy = structuredClone(c.schedule);
          const a = timeline(c.schedule, screenOf(c), c.from, c.to);
          const b = compile(copy, screenOf(c)).timeline(c.from, c.to);
          expect(b).toEqual(a);
          const t = c.from + x * (c.to - c.from);
          expect(compile(copy, screenOf(c)).resolve(t)).toEqual(resolve(c.schedule, screenOf(c), t));
        }),
        { numRuns: 25 },
      );
    },
    SLOW,
  );

  it(
    'resolve(t) is the timeline slot containing t, and each slot is one play of one entry',
    () => {
      fc.assert(
        fc.property(
          scheduleCase(),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
          (c, xs) => {
            const compiled = compile(c.schedule, screenOf(c));
            const wide = compiled.timeline(c.from - 86_400_000, c.to + 86_400_000);
            for (const x of xs) {
              const t = c.from + x * (c.to - c.from);
              expect(compiled.resolve(t)).toEqual(slotAtMinute(wide, t));
            }
            for (const s of wide) {
              if (s.reason === 'emergency') continue;
              const durations = c.schedule.playlists
                .find((p) => p.id === s.playlistId)
                ?.entries.filter((e) => e.itemId === s.itemId)
                .map((e) => e.durationMs);
              expect(s.endsAt - s.startsAt).toBeLessThanOrEqual(Math.max(...(durations ?? [0])));
            }
          },
        ),
        { numRuns: 25 },
      );
    },
    SLOW,
  );
});
