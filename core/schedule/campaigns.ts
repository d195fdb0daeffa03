// When a campaign is active, by the wall clock of the screen's timezone.
//
// A daypart [start, end) is read on the wall clock: the campaign is active whenever the clock
// reads within it (so a window inside a DST gap never happens, one inside a repeated hour happens
// twice). A daypart with end < start wraps midnight; the part after midnight belongs to the
// previous day's occurrence: it plays on day D+1 from 00:00 to `end` only if day D is an active
// date (in [startDate, endDate], an allowed weekday, not excluded). Excluding D+1 therefore does
// not cut the tail of D's late-night daypart; excluding D does.
import type { ScheduledCampaign } from './types.js';
import { DAY_MS, isoWeekday, wallToInstants, type ZoneDay } from './zone.js';

export interface CompiledCampaign {
  source: ScheduledCampaign;
  /** Position in priority order: 0 wins over everyone. */
  rank: number;
  /** Wall windows in ms after midnight; wrapping ones split into [start, DAY) and [0, end). */
  sameDay: Array<[number, number]>;
  afterMidnight: Array<[number, number]>;
  weekdays: ReadonlySet<number> | null;
  excluded: ReadonlySet<string>;
}

/** High before normal, then the newest approval, then the smaller id (code-unit order). */
export function compareCampaigns(a: ScheduledCampaign, b: ScheduledCampaign): number {
  const pa = a.priority === 'high' ? 1 : 0;
  const pb = b.priority === 'high' ? 1 : 0;
  if (pa !== pb) return pb - pa;
  if (a.approvedAt !== b.approvedAt) return b.approvedAt - a.approvedAt;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function parseHourMinute(s: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? (h * 60 + min) * 60_000 : null;
}

function compileOne(source: ScheduledCampaign, rank: number): CompiledCampaign {
  const sameDay: Array<[number, number]> = [];
  const afterMidnight: Array<[number, number]> = [];
  if (source.dayparts.length === 0) sameDay.push([0, DAY_MS]);
  for (const part of source.dayparts) {
    const start = parseHourMinute(part.start);
    const end = parseHourMinute(part.end);
    if (start === null || end === null || start === end) continue;
    if (start < end) {
      sameDay.push([start, end]);
    } else {
      sameDay.push([start, DAY_MS]);
      if (end > 0) afterMidnight.push([0, end]);
    }
  }
  return {
    source,
    rank,
    sameDay,
    afterMidnight,
    weekdays: source.weekdays.length > 0 ? new Set(source.weekdays) : null,
    excluded: new Set(source.excludedDates),
  };
}

/** Campaigns in priority order, each with its parsed windows. */
export function compileCampaigns(campaigns: readonly ScheduledCampaign[]): CompiledCampaign[] {
  return [...campaigns].sort(compareCampaigns).map((c, i) => compileOne(c, i));
}

/** Whether `date` (day number `days`) is one of the campaign's active dates. */
export function isActiveDate(c: CompiledCampaign, date: string, days: number): boolean {
  const s = c.source;
  if (date < s.startDate || date > s.endDate) return false;
  if (c.weekdays && !c.weekdays.has(isoWeekday(days))) return false;
  return !c.excluded.has(date);
}

/** The campaign's active instants within `day` (sorted, disjoint); `prev` is the day before. */
export function activityOn(c: CompiledCampaign, day: ZoneDay, prev: ZoneDay): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  if (c.afterMidnight.length > 0 && isActiveDate(c, prev.date, prev.days)) windows.push(...c.afterMidnight);
  if (isActiveDate(c, day.date, day.days)) windows.push(...c.sameDay);
  if (windows.length === 0) return [];
  const instants: Array<[number, number]> = [];
  for (const [a, b] of windows) instants.push(...wallToInstants(day, a, b));
  return mergeIntervals(instants);
}

/** Sorted union of intervals (touching ones joined). */
export function mergeIntervals(list: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
