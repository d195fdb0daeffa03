// fast-check generators and helpers shared by the tests of this folder (not exported from index.ts).
import dayjs from 'dayjs';
import fc from 'fast-check';
import type { Playlist, PlaylistEntry, Schedule, ScheduledCampaign, ScheduledEmergency } from './types.js';
import { DAY_MS, daysOfDate, HOUR_MS, offsetAt, zoneDay } from './zone.js';

export const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'UTC', 'America/New_York'] as const;
/** First days of test windows: around both Berlin DST changes, a plain week, a year end. */
export const WINDOW_STARTS = ['2026-03-28', '2026-10-24', '2026-06-13', '2026-12-30'] as const;

export const addDays = (date: string, n: number) => dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD');

const hm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 0, 15, 30, 45, 7))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const daypart = fc
  .tuple(hm, hm)
  .filter(([a, b]) => a !== b)
  .map(([start, end]) => ({ start, end }));

/** A date within a few days of the window (which spans base..base+2). */
const nearDate = (base: string) => fc.integer({ min: -2, max: 4 }).map((n) => addDays(base, n));

function entry(base: string, prefix: string, validity: boolean): fc.Arbitrary<PlaylistEntry> {
  const itemId = fc.constantFrom('a', 'b', 'c', 'd').map((x) => `${prefix}-${x}`);
  const durationMs = fc.oneof(
    fc.integer({ min: 3, max: 90 }).map((s) => s * 1000),
    fc.integer({ min: 3_000, max: 200_000 }),
  );
  if (!validity) return fc.record({ itemId, durationMs });
  return fc.record(
    { itemId, durationMs, validFrom: nearDate(base), validUntil: nearDate(base) },
    { requiredKeys: ['itemId', 'durationMs'] },
  );
}

function playlist(base: string, id: string, maxEntries: number, validity = true): fc.Arbitrary<Playlist> {
  return fc
    .array(entry(base, id, validity), { maxLength: maxEntries })
    .map((entries) => ({ id, name: id, entries }));
}

function campaign(base: string, id: string): fc.Arbitrary<ScheduledCampaign> {
  return fc.record({
    id: fc.constant(id),
    name: fc.constant(`活动${id}`),
    startDate: nearDate(base),
    endDate: nearDate(base),
    dayparts: fc.array(daypart, { maxLength: 2 }),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
    excludedDates: fc.uniqueArray(nearDate(base), { maxLength: 2 }),
    priority: fc.constantFrom('normal', 'high'),
    playlistIds: fc.constantFrom(['p1'], ['p2'], ['p1', 'p2'], ['p3'], ['missing']),
    sharing: fc.constantFrom('interleave', 'fill'),
    approvedAt: fc.integer({ min: 0, max: 3 }),
  }) as fc.Arbitrary<ScheduledCampaign>;
}

function emergency(from: number, id: string): fc.Arbitrary<ScheduledEmergency> {
  return fc
    .record({
      start: fc.integer({ min: 0, max: 3 * DAY_MS }),
      length: fc.integer({ min: -HOUR_MS, max: 6 * HOUR_MS }),
      createdAt: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ start, length, createdAt }) => ({
      id,
      itemId: `em-${id}`,
      startsAt: from + start,
      expiresAt: from + start + length,
      createdAt,
    }));
}

export interface Case {
  schedule: Schedule;
  tz: string;
  /** Local midnight of the window's first day, and of the day after its last (3 days). */
  from: number;
  to: number;
  base: string;
}

export interface CaseOptions {
  /** Whole-minute cycles only (the naive oracle needs them). */
  minuteCycles?: boolean;
  /** A default playlist with at least one entry valid every day. */
  solidDefault?: boolean;
  emergencies?: boolean;
}

/** A random schedule for a random screen over a 3-day window. */
export function scheduleCase(options: CaseOptions = {}): fc.Arbitrary<Case> {
  const cycles = options.minuteCycles
    ? [300_000, 600_000, 900_000, 1_200_000, 720_000, 3_600_000, 650_000]
    : [300_000, 600_000, 900_000, 1_200_000, 720_000, 3_600_000, 650_000, 420_000, 45_000];
  return fc
    .record({ tz: fc.constantFrom(...ZONES), base: fc.constantFrom(...WINDOW_STARTS) })
    .chain(({ tz, base }) => {
      const from = zoneDay(tz, daysOfDate(base)).start;
      const to = zoneDay(tz, daysOfDate(base) + 3).start;
      const def = options.solidDefault
        ? playlist(base, 'def', 3, false).map((p) => ({
            ...p,
            entries: [{ itemId: 'def-solid', durationMs: 30_000 }, ...p.entries],
          }))
        : playlist(base, 'def', 3);
      return fc.record({
        tz: fc.constant(tz),
        base: fc.constant(base),
        from: fc.constant(from),
        to: fc.constant(to),
        schedule: fc.record({
          defaultPlaylistId: fc.constant('def'),
          listsPlaylistId: fc.constant('lists'),
          listShare: fc.oneof(
            fc.constantFrom(0, 0.3, 0.25, 1 / 3, 0.7, 1),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          cycleMs: fc.constantFrom(...cycles),
          playlists: fc.tuple(
            def,
            playlist(base, 'lists', 4),
            playlist(base, 'p1', 3),
            playlist(base, 'p2', 3),
            playlist(base, 'p3', 2),
          ),
          campaigns: fc
            .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 })
            .chain((ids) => fc.tuple(...ids.map((id) => campaign(base, id)))),
          emergencies:
            options.emergencies === false
              ? fc.constant([])
              : fc.tuple(emergency(from, 'x'), emergency(from, 'y')).chain((es) => fc.subarray(es)),
          from: fc.constant(from),
          until: fc.constant(to),
        }),
      });
    }) as fc.Arbitrary<Case>;
}

/** Offsets memoised per UTC hour: exact for zones that change offset only at whole UTC hours. */
export function hourlyOffsets(tz: string): (t: number) => number {
  const memo = new Map<number, number>();
  return (t) => {
    const h = Math.floor(t / HOUR_MS);
    let o = memo.get(h);
    if (o === undefined) {
      o = offsetAt(tz, h * HOUR_MS) / 60_000;
      memo.set(h, o);
    }
    return o;
  };
}

/**
 * Local date and minute of the day of an instant, straight from dayjs (independent of zone.ts);
 * pass hourlyOffsets(tz) as `offsets` to avoid asking Intl every time.
 */
export function wallOf(
  tz: string,
  t: number,
  offsets: (t: number) => number = (u) => dayjs(u).tz(tz).utcOffset(),
): { date: string; minute: number } {
  const w = dayjs.utc(t + offsets(t) * 60_000);
  return { date: w.format('YYYY-MM-DD'), minute: w.hour() * 60 + w.minute() };
}

/** Instant of an ISO string with an explicit offset, e.g. '2026-03-29T03:00+02:00'. */
export const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
};

/** A playlist of items of the given durations in seconds, named `${id}-0`, `${id}-1`, … */
export function pl(id: string, seconds: number[], extra: Partial<PlaylistEntry>[] = []): Playlist {
  return {
    id,
    name: id,
    entries: seconds.map((s, i) => ({ itemId: `${id}-${i}`, durationMs: s * 1000, ...extra[i] })),
  };
}

export function campaignOf(over: Partial<ScheduledCampaign> & { id: string }): ScheduledCampaign {
  return {
    name: `活动${over.id}`,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    dayparts: [],
    weekdays: [],
    excludedDates: [],
    priority: 'normal',
    playlistIds: ['camp'],
    sharing: 'fill',
    approvedAt: 0,
    ...over,
  };
}

/** Lists of 60 s boards, a default of 30 s items, a campaign playlist of 40 s items; 30% of 10 min. */
export function makeSchedule(over: Partial<Schedule> = {}): Schedule {
  return {
    defaultPlaylistId: 'def',
    listsPlaylistId: 'lists',
    listShare: 0.3,
    cycleMs: 600_000,
    playlists: [pl('lists', [60, 60, 60, 60]), pl('def', [30, 30]), pl('camp', [40, 40, 40])],
    campaigns: [],
    emergencies: [],
    from: 0,
    until: 0,
    ...over,
  };
}
