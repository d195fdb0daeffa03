// Local days of a screen's timezone, as UTC instants. Offsets come from dayjs (utc + timezone
// plugins), instant -> offset only: that direction does not depend on the host's zone, whereas
// dayjs.tz(string, zone) guesses ambiguous wall times from the current clock. Calendar
// arithmetic is integer-only (no Date), so no host timezone can shift a day.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The zone used when a screen names one that Intl does not know (ARCHITECTURE "Time"). */
export const FALLBACK_TIMEZONE = 'Asia/Shanghai';

/** A stretch of a day with one UTC offset (ms); a DST day has two. */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

/**
 * One local calendar day: [start, end) is from the first instant whose wall clock reads the
 * day's midnight (or later, when midnight falls in a DST gap) to the next day's.
 */
export interface ZoneDay {
  /** Days since 1970-01-01 of the local date. */
  days: number;
  date: string;
  start: number;
  end: number;
  segments: OffsetSegment[];
}

/** Offset of `tz` at instant `t`, in ms. */
export function offsetAt(tz: string, t: number): number {
  return dayjs(t).tz(tz).utcOffset() * MINUTE_MS;
}

const known = new Map<string, string>();

/** The zone itself when Intl knows it, else FALLBACK_TIMEZONE (memoised). */
export function validTimezone(tz: string): string {
  let valid = known.get(tz);
  if (valid === undefined) {
    try {
      offsetAt(tz, 0);
      valid = tz;
    } catch {
      valid = FALLBACK_TIMEZONE;
    }
    if (known.size < 1000) known.set(tz, valid);
  }
  return valid;
}

/** Days since the epoch of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 'YYYY-MM-DD' of a day number (inverse of daysFromCivil). */
export function dateOfDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number of a 'YYYY-MM-DD' string; NaN when malformed. */
export function daysOfDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return Number.NaN;
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** ISO weekday (1 = Monday .. 7 = Sunday); 1970-01-01 was a Thursday. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

const cache = new Map<string, ZoneDay>();
const CACHE_LIMIT = 20_000;

/** The local day `days` of zone `tz` (memoised: a pure function of its arguments). */
export function zoneDay(tz: string, days: number): ZoneDay {
  const key = `${tz}|${days}`;
  let day = cache.get(key);
  if (!day) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    day = computeZoneDay(tz, days);
    cache.set(key, day);
  }
  return day;
}

const offsetHint = new Map<string, number>();

/**
 * The local day containing instant t. The day is one of three around t's UTC date; the zone's last
 * seen offset picks the likely one first, and memoised days answer without asking Intl again.
 */
export function zoneDayAt(tz: string, t: number): ZoneDay {
  const guess = Math.floor((t + (offsetHint.get(tz) ?? 0)) / DAY_MS);
  for (const days of [guess, guess - 1, guess + 1, guess - 2, guess + 2]) {
    const day = zoneDay(tz, days);
    if (day.start <= t && t < day.end) {
      offsetHint.set(tz, (day.segments[0] as OffsetSegment).offset);
      return day;
    }
  }
  return zoneDay(tz, Math.floor((t + offsetAt(tz, t)) / DAY_MS));
}

/**
 * Instants of the day whose wall clock reads within [fromMs, toMs) after local midnight. A wall
 * time in a DST gap never happens; one in a repeated hour happens twice (two intervals).
 */
export function wallToInstants(day: ZoneDay, fromMs: number, toMs: number): Array<[number, number]> {
  const wall0 = day.days * DAY_MS;
  const out: Array<[number, number]> = [];
  for (const seg of day.segments) {
    const lo = Math.max(fromMs, seg.start + seg.offset - wall0);
    const hi = Math.min(toMs, seg.end + seg.offset - wall0);
    if (lo >= hi) continue;
    const s = lo + wall0 - seg.offset;
    const e = hi + wall0 - seg.offset;
    const last = out[out.length - 1];
    if (last && last[1] === s) last[1] = e;
    else out.push([s, e]);
  }
  return out;
}

// Offsets range from -12 h to +14 h: a window of 15 h either side of the day's wall range holds
// both its boundaries. Two transitions within 54 hours happen nowhere; one is found to the minute.
const MARGIN = 15 * HOUR_MS;

function computeZoneDay(tz: string, days: number): ZoneDay {
  const wall0 = days * DAY_MS;
  const lo = wall0 - MARGIN;
  const hi = wall0 + DAY_MS + MARGIN;
  const oA = offsetAt(tz, lo);
  const oB = offsetAt(tz, hi);
  const date = dateOfDays(days);
  if (oA === oB) {
    const start = wall0 - oA;
    const end = start + DAY_MS;
    return { days, date, start, end, segments: [{ start, end, offset: oA }] };
  }
  const T = findTransition(tz, lo, hi, oA);
  const firstAtLeast = (w: number) => (w - oA < T ? w - oA : Math.max(T, w - oB));
  const start = firstAtLeast(wall0);
  const end = firstAtLeast(wall0 + DAY_MS);
  let segments: OffsetSegment[];
  if (start < T && T < end) {
    segments = [
      { start, end: T, offset: oA },
      { start: T, end, offset: oB },
    ];
  } else {
    segments = [{ start, end, offset: T <= start ? oB : oA }];
  }
  return { days, date, start, end, segments };
}

/** First minute in (lo, hi] whose offset differs from oA (the offset at lo). */
function findTransition(tz: string, lo: number, hi: number, oA: number): number {
  let a = lo;
  let b = hi;
  while (b - a > MINUTE_MS) {
    const mid = a + Math.floor((b - a) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(tz, mid) === oA) a = mid;
    else b = mid;
  }
  return b;
}
