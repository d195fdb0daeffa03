import { dateIn, dayjs } from '../time.js';
import type { Playlist, ResolvedSlot, Schedule, ScheduledCampaign, ScheduleScreen } from './types.js';

const HOUR = 3_600_000;

/** The cycle length actually used: the given one when it divides an hour, else the largest divisor below it. */
export function effectiveCycle(cycleMs: number): number {
  let c = Math.min(Math.max(1000, Math.floor(cycleMs)), HOUR);
  while (HOUR % c !== 0) c--;
  return c;
}

function minutesOfDay(instant: number, tz: string): number {
  const d = dayjs(instant).tz(tz);
  return d.hour() * 60 + d.minute();
}
const toMinutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** Whether a campaign runs at an instant: dates, weekdays and exclusions are those of the daypart's start day. */
export function campaignActive(c: ScheduledCampaign, instant: number, tz: string): boolean {
  const minute = minutesOfDay(instant, tz);
  const windows = c.dayparts.length ? c.dayparts : [{ start: '00:00', end: '24:00' }];
  for (const w of windows) {
    const start = toMinutes(w.start);
    const end = w.end === '24:00' ? 1440 : toMinutes(w.end);
    let day: string | null = null;
    if (start < end) day = minute >= start && minute < end ? dateIn(instant, tz) : null;
    else if (minute >= start) day = dateIn(instant, tz);
    else if (minute < end) day = dateIn(instant - 86_400_000, tz); // after midnight: the evening's day
    if (day && dayAllowed(c, day)) return true;
  }
  return false;
}

function dayAllowed(c: ScheduledCampaign, day: string): boolean {
  if (day < c.startDate || day > c.endDate || c.excludedDates.includes(day)) return false;
  const iso = ((dayjs.utc(day).day() + 6) % 7) + 1;
  return c.weekdays.length === 0 || c.weekdays.includes(iso);
}

/** The winning campaign at an instant: high beats normal, then the newest approval, then id. */
export function winningCampaign(s: Schedule, instant: number, tz: string): ScheduledCampaign | undefined {
  let best: ScheduledCampaign | undefined;
  for (const c of s.campaigns) {
    if (!campaignActive(c, instant, tz)) continue;
    if (!best || rank(c) > rank(best) || (rank(c) === rank(best) && c.id < best.id)) best = c;
  }
  return best;
}
const rank = (c: ScheduledCampaign) => (c.priority === 'high' ? 1e15 : 0) + c.approvedAt;

/** Picks the entry playing at `instant` in a playlist looped from `segmentStart`, skipping invalid entries. */
function entryAt(p: Playlist | undefined, instant: number, segmentStart: number, tz: string) {
  if (!p) return undefined;
  const today = dateIn(instant, tz);
  const valid = p.entries.filter(
    (e) => (!e.validFrom || e.validFrom <= today) && (!e.validUntil || e.validUntil >= today),
  );
  const total = valid.reduce((n, e) => n + e.durationMs, 0);
  if (total === 0) return undefined;
  const loops = Math.floor((instant - segmentStart) / total);
  let at = segmentStart + loops * total;
  for (const e of valid) {
    if (instant < at + e.durationMs) return { entry: e, startsAt: at, endsAt: at + e.durationMs };
    at += e.durationMs;
  }
  return undefined;
}

/**
 * What plays on a screen at an instant. An active emergency wins (the newest); otherwise each
 * cycle (aligned to the hour in the screen's timezone) opens with the lists' guaranteed share,
 * then the winning campaign's playlist, else the default playlist. Null when nothing can play.
 */
export function resolve(s: Schedule, screen: ScheduleScreen, instant: number): ResolvedSlot | null {
  const emergency = s.emergencies
    .filter((e) => e.startsAt <= instant && instant < e.expiresAt)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (emergency) {
    return {
      itemId: emergency.itemId,
      playlistId: '',
      emergencyId: emergency.id,
      reason: 'emergency',
      startsAt: emergency.startsAt,
      endsAt: emergency.expiresAt,
    };
  }
  const playlists = new Map(s.playlists.map((p) => [p.id, p]));
  const cycle = effectiveCycle(s.cycleMs);
  const hourStart = dayjs(instant).tz(screen.timezone).startOf('hour').valueOf();
  const cycleStart = hourStart + Math.floor((instant - hourStart) / cycle) * cycle;
  const listsEnd = cycleStart + Math.ceil(s.listShare * cycle);
  if (instant < listsEnd) {
    const hit = entryAt(playlists.get(s.listsPlaylistId), instant, cycleStart, screen.timezone);
    if (hit)
      return {
        itemId: hit.entry.itemId,
        playlistId: s.listsPlaylistId,
        reason: 'lists-share',
        startsAt: hit.startsAt,
        endsAt: Math.min(hit.endsAt, listsEnd),
      };
  }
  const segmentStart = instant < listsEnd ? cycleStart : listsEnd;
  const campaign = winningCampaign(s, instant, screen.timezone);
  if (campaign) {
    const pid = campaign.playlistIds[0]!;
    const hit = entryAt(playlists.get(pid), instant, segmentStart, screen.timezone);
    if (hit)
      return {
        itemId: hit.entry.itemId,
        playlistId: pid,
        campaignId: campaign.id,
        reason: 'campaign',
        startsAt: hit.startsAt,
        endsAt: Math.min(hit.endsAt, cycleStart + cycle),
      };
  }
  const hit = entryAt(playlists.get(s.defaultPlaylistId), instant, segmentStart, screen.timezone);
  if (!hit) return null;
  return {
    itemId: hit.entry.itemId,
    playlistId: s.defaultPlaylistId,
    reason: 'default',
    startsAt: hit.startsAt,
    endsAt: Math.min(hit.endsAt, cycleStart + cycle),
  };
}
