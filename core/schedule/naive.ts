// The rules written the obvious way, as a minute-by-minute simulation that scans every campaign
// each minute and steps playlists entry by entry. Slow on purpose: it is the oracle the tests
// compare the engine with, and the baseline of bench/schedule.ts. Not for production use.
// Limits: starts at a local midnight; the cycle must be whole minutes; DST transitions must
// fall on cycle boundaries (true of every zone that shifts by whole hours at whole hours).
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { Playlist, Schedule, ScheduledCampaign, ScheduleScreen, SlotReason } from './types.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const M = 60_000;
const HOUR = 3_600_000;

export interface NaiveMinute {
  t: number;
  itemId: string | null;
  playlistId?: string;
  reason?: SlotReason;
  campaignId?: string;
  emergencyId?: string;
}

export interface NaiveOptions {
  /** Only campaigns it accepts count (e.g. targeting), checked every minute. */
  accepts?: (c: ScheduledCampaign) => boolean;
  /** Offset of the screen's zone at t in minutes; dayjs by default. */
  offsetMinutes?: (t: number) => number;
}

type Entry = { itemId: string; playlistId: string; durationMs: number };
type Owner = { key: string; campaign?: ScheduledCampaign; entries: Entry[] } | null;
type Piece = { start: number; end: number; lists: boolean; v: number };

/** What plays at each of `minutes` minutes from `from` (a local midnight of the screen). */
export function naiveMinutes(
  s: Schedule,
  screen: ScheduleScreen,
  from: number,
  minutes: number,
  options: NaiveOptions = {},
): NaiveMinute[] {
  const tz = screen.timezone;
  const offset = options.offsetMinutes ?? ((t: number) => dayjs(t).tz(tz).utcOffset());
  const accepts = options.accepts ?? (() => true);
  let C = Math.min(Math.floor(s.cycleMs), HOUR);
  while (HOUR % C !== 0) C--;
  if (C % M !== 0) throw new Error('naive: the cycle must be whole minutes');
  const L = Math.ceil(s.listShare * C - 1e-6);
  const local = (t: number) => {
    const w = dayjs.utc(t + offset(t) * M);
    return { date: w.format('YYYY-MM-DD'), minute: w.hour() * 60 + w.minute(), wall: t + offset(t) * M };
  };
  if (local(from).minute !== 0 || local(from).wall % HOUR !== 0) throw new Error('naive: start at midnight');
  const out: NaiveMinute[] = [];
  const end = from + minutes * M;
  let date = '';
  let prevDate = '';
  let weekday = 0;
  let lists: Entry[] = [];
  let vLists = 0;
  let run: { key: string; v: number } = { key: '', v: 0 };
  let t = from;
  while (t < end) {
    const here = local(t);
    if (here.date !== date) {
      prevDate = dayjs.utc(here.date).subtract(1, 'day').format('YYYY-MM-DD');
      date = here.date;
      weekday = ((dayjs.utc(date).day() + 6) % 7) + 1;
      lists = entriesOf(s.playlists, [s.listsPlaylistId], date);
      vLists = 0;
      run = { key: '', v: 0 };
    }
    const cs = t - (here.wall % C);
    const owners: Owner[] = [];
    for (let u = cs; u < cs + C; u += M) {
      const minute = here.minute + (u - t) / M;
      owners.push(ownerAt(s, accepts, date, prevDate, weekday, minute));
    }
    const first = owners[0] as Owner;
    const interleave =
      lists.length > 0 &&
      L > 0 &&
      L < C &&
      first?.campaign?.sharing === 'interleave' &&
      owners.every((o) => o?.key === first.key);
    let pieces: Piece[] | null = null;
    for (let i = 0; i < owners.length && t < end; i++, t += M) {
      const owner = owners[i] as Owner;
      if (owner?.key !== run.key) run = { key: owner?.key ?? '', v: 0 };
      if (interleave && !pieces) pieces = simulate(lists, owner?.entries ?? [], vLists, run.v, cs, L, C - L);
      out.push(playing(s, t, pieces, cs, L, lists, vLists, owner, run.v));
      let listsTime: number;
      if (pieces) listsTime = piecesListsTime(pieces, t, t + M);
      else if (lists.length === 0) listsTime = 0;
      else if (!owner) listsTime = M;
      else listsTime = Math.max(0, Math.min(t + M, cs + L) - t);
      vLists += listsTime;
      run.v += M - listsTime;
    }
  }
  return out;
}

function playing(
  s: Schedule,
  t: number,
  pieces: Piece[] | null,
  cs: number,
  L: number,
  lists: Entry[],
  vLists: number,
  owner: Owner,
  vOwner: number,
): NaiveMinute {
  let best: Schedule['emergencies'][number] | undefined;
  for (const e of s.emergencies) {
    if (e.startsAt <= t && t < e.expiresAt) {
      if (!best || e.createdAt > best.createdAt || (e.createdAt === best.createdAt && e.id < best.id))
        best = e;
    }
  }
  if (best) return { t, itemId: best.itemId, playlistId: '', reason: 'emergency', emergencyId: best.id };
  let useLists: boolean;
  let v: number;
  if (pieces) {
    const p = pieces.find((x) => x.start <= t && t < x.end) as Piece;
    useLists = p.lists;
    v = p.v + (t - p.start);
  } else {
    useLists = lists.length > 0 && (!owner || t < cs + L);
    v = useLists ? vLists : vOwner;
  }
  if (useLists) return { t, ...at(lists, v), reason: 'lists-share' };
  if (!owner) return { t, itemId: null };
  const e = at(owner.entries, v);
  if (owner.campaign) return { t, ...e, campaignId: owner.campaign.id, reason: 'campaign' };
  return { t, ...e, reason: 'default' };
}

/** The cycle's alternation, entry by entry: lists first, each side within its budget. */
function simulate(
  a: Entry[],
  b: Entry[],
  va: number,
  vb: number,
  cs: number,
  budgetA: number,
  budgetB: number,
) {
  const pieces: Piece[] = [];
  const end = cs + budgetA + budgetB;
  let x = cs;
  let turnA = true;
  while (x < end) {
    const side = turnA ? budgetA : budgetB;
    if (side > 0) {
      const v = turnA ? va : vb;
      const d = Math.min(remaining(turnA ? a : b, v), side);
      pieces.push({ start: x, end: x + d, lists: turnA, v });
      x += d;
      if (turnA) {
        va += d;
        budgetA -= d;
      } else {
        vb += d;
        budgetB -= d;
      }
    }
    turnA = !turnA;
  }
  return pieces;
}

function piecesListsTime(pieces: Piece[], from: number, to: number): number {
  let sum = 0;
  for (const p of pieces) if (p.lists) sum += Math.max(0, Math.min(p.end, to) - Math.max(p.start, from));
  return sum;
}

function remaining(entries: Entry[], v: number): number {
  const total = entries.reduce((n, e) => n + e.durationMs, 0);
  let p = v % total;
  for (const e of entries) {
    if (p < e.durationMs) return e.durationMs - p;
    p -= e.durationMs;
  }
  throw new Error('naive: unreachable');
}

function at(entries: Entry[], v: number): { itemId: string; playlistId: string } {
  const total = entries.reduce((n, e) => n + e.durationMs, 0);
  let p = v % total;
  for (const e of entries) {
    if (p < e.durationMs) return { itemId: e.itemId, playlistId: e.playlistId };
    p -= e.durationMs;
  }
  throw new Error('naive: unreachable');
}

function entriesOf(playlists: Playlist[], ids: string[], date: string): Entry[] {
  const out: Entry[] = [];
  for (const id of ids) {
    const p = playlists.find((x) => x.id === id);
    for (const e of p?.entries ?? []) {
      if ((e.validFrom && date < e.validFrom) || (e.validUntil && date > e.validUntil)) continue;
      out.push({ itemId: e.itemId, playlistId: id, durationMs: e.durationMs });
    }
  }
  return out;
}

function ownerAt(
  s: Schedule,
  accepts: (c: ScheduledCampaign) => boolean,
  date: string,
  prevDate: string,
  weekday: number,
  minute: number,
): Owner {
  let best: ScheduledCampaign | undefined;
  let bestEntries: Entry[] = [];
  for (const c of s.campaigns) {
    if (!accepts(c) || !activeAt(c, date, prevDate, weekday, minute)) continue;
    if (best && !better(c, best)) continue;
    const entries = entriesOf(s.playlists, c.playlistIds, date);
    if (entries.length === 0) continue;
    best = c;
    bestEntries = entries;
  }
  if (best) return { key: `c:${best.id}`, campaign: best, entries: bestEntries };
  const def = entriesOf(s.playlists, [s.defaultPlaylistId], date);
  return def.length > 0 ? { key: 'default', entries: def } : null;
}

function better(a: ScheduledCampaign, b: ScheduledCampaign): boolean {
  if (a.priority !== b.priority) return a.priority === 'high';
  if (a.approvedAt !== b.approvedAt) return a.approvedAt > b.approvedAt;
  return a.id < b.id;
}

function activeAt(c: ScheduledCampaign, date: string, prevDate: string, weekday: number, minute: number) {
  const prevWeekday = weekday === 1 ? 7 : weekday - 1;
  const dayOk = (d: string, wd: number) =>
    d >= c.startDate &&
    d <= c.endDate &&
    !c.excludedDates.includes(d) &&
    (c.weekdays.length === 0 || c.weekdays.includes(wd));
  if (c.dayparts.length === 0) return dayOk(date, weekday);
  for (const part of c.dayparts) {
    const s = Number(part.start.slice(0, 2)) * 60 + Number(part.start.slice(3));
    const e = Number(part.end.slice(0, 2)) * 60 + Number(part.end.slice(3));
    if (s < e && minute >= s && minute < e && dayOk(date, weekday)) return true;
    if (s > e && minute >= s && dayOk(date, weekday)) return true;
    if (s > e && minute < e && dayOk(prevDate, prevWeekday)) return true;
  }
  return false;
}
