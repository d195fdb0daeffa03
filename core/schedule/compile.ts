import { compileCampaigns } from './campaigns.js';
import { effectiveCycleMs, effectiveShare } from './cycle.js';
import { buildDayPlan, type DayPlan, type PlanInput } from './dayPlan.js';
import { type EmergencySpan, emergencySpans, spanIndexAfter } from './emergencies.js';
import { type Gap, type Piece, pieceAt } from './pieces.js';
import type { Playlist, ResolvedSlot, Schedule, ScheduleScreen } from './types.js';
import { validTimezone, zoneDay, zoneDayAt } from './zone.js';

/** A schedule prepared for one screen: answers many questions without redoing shared work. */
export interface CompiledSchedule {
  readonly screen: ScheduleScreen;
  /** The zone actually used (the screen's, or Asia/Shanghai when Intl does not know it). */
  readonly timezone: string;
  /** The cycle actually used (see effectiveCycleMs). */
  readonly cycleMs: number;
  readonly emergencies: readonly EmergencySpan[];
  /** What plays at `instant`; null when nothing can (the player shows its built-in poster). */
  resolve(instant: number): ResolvedSlot | null;
  /** The plays covering [from, to) in order; see timeline() in resolve.ts. */
  timeline(from: number, to: number): ResolvedSlot[];
  /** The plan of the local day containing `instant`. */
  dayPlanAt(instant: number): DayPlan;
  /** The plan of the local day `days` (days since 1970-01-01). */
  dayPlan(days: number): DayPlan;
}

const EPS = 1e-6;
const PLAN_CACHE_LIMIT = 400;

/**
 * Prepares `schedule` for `screen`: playlists indexed, campaigns ranked, emergencies resolved
 * into spans. Day plans are built lazily, once per local day. O(campaigns + entries +
 * emergencies²); the schedule must not be mutated afterwards.
 */
export function compile(schedule: Schedule, screen: ScheduleScreen): CompiledSchedule {
  return new Compiled(schedule, screen);
}

class Compiled implements CompiledSchedule {
  readonly timezone: string;
  readonly cycleMs: number;
  readonly emergencies: readonly EmergencySpan[];
  private readonly input: PlanInput;
  private readonly plans = new Map<number, DayPlan>();
  private last: DayPlan | null = null;

  constructor(
    schedule: Schedule,
    readonly screen: ScheduleScreen,
  ) {
    this.timezone = validTimezone(screen.timezone);
    this.cycleMs = effectiveCycleMs(schedule.cycleMs);
    this.emergencies = emergencySpans(schedule.emergencies);
    const playlists = new Map<string, Playlist>();
    for (const p of schedule.playlists) if (!playlists.has(p.id)) playlists.set(p.id, p);
    this.input = {
      cycleMs: this.cycleMs,
      share: effectiveShare(schedule.listShare),
      playlists,
      listsPlaylistId: schedule.listsPlaylistId,
      defaultPlaylistId: schedule.defaultPlaylistId,
      campaigns: compileCampaigns(schedule.campaigns),
    };
  }

  dayPlan(days: number): DayPlan {
    let plan = this.plans.get(days);
    if (!plan) {
      if (this.plans.size >= PLAN_CACHE_LIMIT) this.plans.clear();
      const day = zoneDay(this.timezone, days);
      plan = buildDayPlan(this.input, day, zoneDay(this.timezone, days - 1));
      this.plans.set(days, plan);
    }
    return plan;
  }

  dayPlanAt(t: number): DayPlan {
    const last = this.last;
    if (last && last.day.start <= t && t < last.day.end) return last;
    const plan = this.dayPlan(zoneDayAt(this.timezone, t).days);
    this.last = plan;
    return plan;
  }

  resolve(instant: number): ResolvedSlot | null {
    if (!Number.isFinite(instant)) return null;
    const r = this.slotAt(instant);
    return typeof r === 'number' ? null : r;
  }

  timeline(from: number, to: number): ResolvedSlot[] {
    const out: ResolvedSlot[] = [];
    if (!Number.isFinite(from) || !Number.isFinite(to)) return out;
    let t = from;
    while (t < to) {
      const r = this.slotAt(t);
      const next = typeof r === 'number' ? r : r.endsAt;
      if (!(next > t)) throw new Error(`schedule: no progress at ${t}`);
      if (typeof r !== 'number') {
        if (r.startsAt < from) r.startsAt = from;
        if (r.endsAt > to) r.endsAt = to;
        out.push(r);
      }
      t = next;
    }
    return out;
  }

  /** The slot at t, or when nothing plays the instant something might start to. */
  private slotAt(t: number): ResolvedSlot | number {
    const spans = this.emergencies;
    const i = spanIndexAfter(spans, t);
    const span = spans[i];
    if (span && span.start <= t) {
      const e = span.emergency;
      return {
        itemId: e.itemId,
        playlistId: '',
        emergencyId: e.id,
        reason: 'emergency',
        startsAt: span.start,
        endsAt: span.end,
      };
    }
    const freeStart = i > 0 ? (spans[i - 1] as EmergencySpan).end : Number.NEGATIVE_INFINITY;
    const freeEnd = span ? span.start : Number.POSITIVE_INFINITY;
    const plan = this.dayPlanAt(t);
    const base = plan.day.start;
    const piece = pieceAt(plan, t - base);
    if (piece.stream === null) return Math.min(piece.end + base, freeEnd);
    const entry = piece.stream.entries[piece.hit.index];
    if (!entry) throw new Error('schedule: entry index out of range');
    let startsAt = piece.start + base;
    let endsAt = piece.end + base;
    if (piece.vEnd < piece.hit.vEnd - EPS && endsAt < freeEnd)
      endsAt = this.extendForward(piece, endsAt, freeEnd);
    if (piece.vStart > piece.hit.vStart + EPS && startsAt > freeStart)
      startsAt = this.extendBack(piece, startsAt, freeStart);
    if (startsAt < freeStart) startsAt = freeStart;
    if (endsAt > freeEnd) endsAt = freeEnd;
    const owner = piece.owner;
    if (owner === null) {
      return { itemId: entry.itemId, playlistId: entry.playlistId, reason: 'lists-share', startsAt, endsAt };
    }
    if (owner.kind === 'campaign') {
      const campaignId = owner.campaign.source.id;
      return {
        itemId: entry.itemId,
        playlistId: entry.playlistId,
        campaignId,
        reason: 'campaign',
        startsAt,
        endsAt,
      };
    }
    return { itemId: entry.itemId, playlistId: entry.playlistId, reason: 'default', startsAt, endsAt };
  }

  // One slot is one play: the pieces of one entry occurrence that meet across a cycle or run
  // boundary (the same stream and clock, going on where it stopped) are joined.

  /** Where the play of `piece`, cut at `end` (absolute), really ends. */
  private extendForward(piece: Piece, end: number, freeEnd: number): number {
    let vEnd = piece.vEnd;
    while (vEnd < piece.hit.vEnd - EPS && end < freeEnd) {
      const plan = this.dayPlanAt(end);
      const next = pieceAt(plan, end - plan.day.start);
      if (!continues(piece, next, vEnd, true)) break;
      end = next.end + plan.day.start;
      vEnd = next.vEnd;
    }
    return end;
  }

  /** Where the play of `piece`, seen from `start` (absolute), really started. */
  private extendBack(piece: Piece, start: number, freeStart: number): number {
    let vStart = piece.vStart;
    while (vStart > piece.hit.vStart + EPS && start > freeStart) {
      const plan = this.dayPlanAt(start - 0.5);
      const prev = pieceAt(plan, start - 0.5 - plan.day.start);
      if (!continues(piece, prev, vStart, false)) break;
      start = prev.start + plan.day.start;
      vStart = prev.vStart;
    }
    return start;
  }
}

function continues(piece: Piece, other: Piece | Gap, v: number, forward: boolean): other is Piece {
  if (other.stream !== piece.stream) return false;
  const o = other as Piece;
  if (o.anchor !== piece.anchor) return false;
  return Math.abs((forward ? o.vStart : o.vEnd) - v) < EPS;
}
