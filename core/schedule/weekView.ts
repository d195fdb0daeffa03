// The admin's week grid: for every local hour, how much airtime the lists actually got, who won
// the rest, and where two campaigns of the same priority were active at once.
import type { CompiledCampaign } from './campaigns.js';
import type { CompiledSchedule } from './compile.js';
import type { DayPlan } from './dayPlan.js';
import type { ResolvedSlot, ScheduledCampaign } from './types.js';
import { DAY_MS, daysOfDate, HOUR_MS } from './zone.js';

export interface WinnerSpan {
  startsAt: number;
  endsAt: number;
  /** 'none': nothing but the lists (or, without lists, the built-in poster). */
  reason: 'emergency' | 'campaign' | 'default' | 'none';
  campaignId?: string;
  emergencyId?: string;
}

/** Two campaigns of one priority active at once: the schedule still decides, but warns. */
export interface Collision {
  startsAt: number;
  endsAt: number;
  priority: ScheduledCampaign['priority'];
  campaignIds: [string, string];
  /** Which of the two wins (newer approval, then smaller id) when both have something to play. */
  winnerId: string;
  message: string;
}

export interface WeekHour {
  /** Local date and hour (0..23; a repeated DST hour appears twice, a skipped one not at all). */
  date: string;
  hour: number;
  startsAt: number;
  endsAt: number;
  /** Airtime the lists playlist actually got in this hour (emergencies included), and its share. */
  listsMs: number;
  listsShare: number;
  winners: WinnerSpan[];
  collisions: Collision[];
}

export interface WeekView {
  screenId: string;
  timezone: string;
  weekStart: string;
  startsAt: number;
  endsAt: number;
  hours: WeekHour[];
  /** Every collision of the week, one per pair and overlap (not cut at hours). */
  collisions: Collision[];
}

/** The week view of the seven local days from weekStart ('YYYY-MM-DD'); throws on a malformed date. */
export function buildWeekView(compiled: CompiledSchedule, weekStart: string): WeekView {
  const first = daysOfDate(weekStart);
  if (Number.isNaN(first)) throw new RangeError(`weekStart must be YYYY-MM-DD, got ${weekStart}`);
  const plans = Array.from({ length: 7 }, (_, i) => compiled.dayPlan(first + i));
  const startsAt = (plans[0] as DayPlan).day.start;
  const endsAt = (plans[6] as DayPlan).day.end;
  const slots = compiled.timeline(startsAt, endsAt);
  const winners = plans.flatMap((p) => winnerSpans(compiled, p));
  const collisions = mergeTouching(plans.flatMap(collisionsOf));
  const hours = plans.flatMap(localHours);
  let si = 0;
  for (const h of hours) {
    while (si < slots.length && (slots[si] as ResolvedSlot).endsAt <= h.startsAt) si++;
    for (let j = si; j < slots.length && (slots[j] as ResolvedSlot).startsAt < h.endsAt; j++) {
      const s = slots[j] as ResolvedSlot;
      if (s.reason === 'lists-share')
        h.listsMs += Math.min(s.endsAt, h.endsAt) - Math.max(s.startsAt, h.startsAt);
    }
    h.listsShare = h.listsMs / (h.endsAt - h.startsAt);
    h.winners = clip(winners, h.startsAt, h.endsAt);
    h.collisions = clip(collisions, h.startsAt, h.endsAt);
  }
  const { screen, timezone } = compiled;
  return { screenId: screen.id, timezone, weekStart, startsAt, endsAt, hours, collisions };
}

function localHours(plan: DayPlan): WeekHour[] {
  const out: WeekHour[] = [];
  const wall0 = plan.day.days * DAY_MS;
  for (const seg of plan.day.segments) {
    let t = seg.start;
    while (t < seg.end) {
      const wall = t + seg.offset;
      const end = Math.min(seg.end, wall - (((wall % HOUR_MS) + HOUR_MS) % HOUR_MS) + HOUR_MS - seg.offset);
      const hour = Math.floor((wall - wall0) / HOUR_MS);
      out.push({
        date: plan.day.date,
        hour,
        startsAt: t,
        endsAt: end,
        listsMs: 0,
        listsShare: 0,
        winners: [],
        collisions: [],
      });
      t = end;
    }
  }
  return out;
}

/** Who owns the non-list airtime when, with emergencies laid over it. */
function winnerSpans(compiled: CompiledSchedule, plan: DayPlan): WinnerSpan[] {
  const out: WinnerSpan[] = [];
  const base = plan.day.start;
  const ems = compiled.emergencies.filter((e) => e.end > base && e.start < plan.day.end);
  for (const run of plan.runs) {
    const o = run.owner;
    const runStart = run.start + base;
    const runEnd = run.end + base;
    const span: WinnerSpan =
      o.kind === 'campaign'
        ? { startsAt: runStart, endsAt: runEnd, reason: 'campaign', campaignId: o.campaign.source.id }
        : { startsAt: runStart, endsAt: runEnd, reason: o.kind };
    let t = runStart;
    for (const e of ems) {
      if (e.end <= t || e.start >= runEnd) continue;
      if (e.start > t) out.push({ ...span, startsAt: t, endsAt: e.start });
      const end = Math.min(e.end, runEnd);
      out.push({
        startsAt: Math.max(t, e.start),
        endsAt: end,
        reason: 'emergency',
        emergencyId: e.emergency.id,
      });
      t = end;
    }
    if (t < runEnd) out.push({ ...span, startsAt: t });
  }
  return out;
}

/** Pairs of same-priority campaigns active at once (plan intervals are relative to the day). */
function collisionsOf(plan: DayPlan): Collision[] {
  const out: Collision[] = [];
  const act = plan.activity;
  const base = plan.day.start;
  for (let i = 0; i < act.length; i++) {
    for (let j = i + 1; j < act.length; j++) {
      const a = act[i] as (typeof act)[number];
      const b = act[j] as (typeof act)[number];
      if (a.campaign.source.priority !== b.campaign.source.priority) continue;
      for (const [s, e] of intersect(a.intervals, b.intervals)) {
        out.push(collision(a.campaign, b.campaign, s + base, e + base));
      }
    }
  }
  return out;
}

function collision(a: CompiledCampaign, b: CompiledCampaign, startsAt: number, endsAt: number): Collision {
  const [win, lose] = a.rank < b.rank ? [a.source, b.source] : [b.source, a.source];
  const level = win.priority === 'high' ? '高' : '普通';
  const why = win.approvedAt !== lose.approvedAt ? '批准时间较新' : '编号较小';
  return {
    startsAt,
    endsAt,
    priority: win.priority,
    campaignIds: [win.id, lose.id],
    winnerId: win.id,
    message: `「${win.name}」与「${lose.name}」同为${level}优先级且时段重叠，按${why}者播放「${win.name}」`,
  };
}

function intersect(x: Array<[number, number]>, y: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of x) {
    for (const [c, d] of y) {
      const s = Math.max(a, c);
      const e = Math.min(b, d);
      if (s < e) out.push([s, e]);
    }
  }
  return out;
}

/** Joins collisions of the same pair that touch (e.g. across midnight). */
function mergeTouching(list: Collision[]): Collision[] {
  const sorted = [...list].sort((p, q) => p.startsAt - q.startsAt);
  const open = new Map<string, Collision>();
  const out: Collision[] = [];
  for (const c of sorted) {
    const key = c.campaignIds.join('\u0000');
    const prev = open.get(key);
    if (prev && prev.endsAt === c.startsAt) {
      prev.endsAt = c.endsAt;
      continue;
    }
    open.set(key, c);
    out.push(c);
  }
  return out;
}

function clip<T extends { startsAt: number; endsAt: number }>(list: T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (const x of list) {
    if (x.endsAt <= from || x.startsAt >= to) continue;
    out.push({ ...x, startsAt: Math.max(x.startsAt, from), endsAt: Math.min(x.endsAt, to) });
  }
  return out;
}
