// Everything about one local day of one screen that does not depend on the instant: the streams,
// the cycles, and the runs (maximal stretches with one winner outside the lists' share).
// All times in a plan are ms since the day's start (day.start): small integers, which V8 keeps
// unboxed, where epoch milliseconds would allocate a heap number per field on the hot path.
import { activityOn, type CompiledCampaign } from './campaigns.js';
import { listsMs } from './cycle.js';
import { buildStream, type Stream } from './streams.js';
import type { Playlist } from './types.js';
import type { OffsetSegment, ZoneDay } from './zone.js';

export type Owner =
  | { kind: 'campaign'; campaign: CompiledCampaign; stream: Stream }
  | { kind: 'default'; stream: Stream }
  | { kind: 'none' };

/** A maximal stretch of the day with one owner of the non-list airtime. */
export interface Run {
  start: number;
  end: number;
  owner: Owner;
  /** Lists airtime from the day start to `start`, and G and H (below) at `start`. */
  listsBefore: number;
  g0: number;
  h0: number;
}

/** An offset segment cut into cycles aligned to the wall clock (a0 is the first cycle's origin). */
export interface CycleSegment extends OffsetSegment {
  a0: number;
  firstEnd: number;
  lFirst: number;
  g0: number;
  gEnd: number;
}

export interface DayPlan {
  day: ZoneDay;
  /** day.end - day.start. */
  length: number;
  cycleMs: number;
  /** The lists' share, 0 on a day when the lists have nothing to play. */
  share: number;
  lists: Stream | null;
  lFull: number;
  segments: CycleSegment[];
  runs: Run[];
  /** Calendar activity of every campaign active this day, relative too (for collisions). */
  activity: Array<{ campaign: CompiledCampaign; intervals: Array<[number, number]> }>;
}

export interface PlanInput {
  cycleMs: number;
  share: number;
  playlists: ReadonlyMap<string, Playlist>;
  listsPlaylistId: string;
  defaultPlaylistId: string;
  campaigns: readonly CompiledCampaign[];
}

export interface Cycle {
  start: number;
  end: number;
  /** The lists' part, at the start of the cycle in the fill layout. */
  lists: number;
}

const mod = (x: number, m: number) => ((x % m) + m) % m;

function cycleLists(plan: DayPlan, len: number): number {
  return len === plan.cycleMs ? plan.lFull : listsMs(plan.share, len);
}

/** The cycle containing t, t within seg. */
export function cycleAt(plan: DayPlan, seg: CycleSegment, t: number): Cycle {
  const C = plan.cycleMs;
  const k = Math.floor((t - seg.a0) / C);
  const start = Math.max(seg.a0 + k * C, seg.start);
  const end = Math.min(seg.a0 + (k + 1) * C, seg.end);
  return { start, end, lists: cycleLists(plan, end - start) };
}

function listsBeforeCycle(plan: DayPlan, seg: CycleSegment, cycleStart: number): number {
  if (cycleStart <= seg.start) return 0;
  return seg.lFirst + ((cycleStart - seg.firstEnd) / plan.cycleMs) * plan.lFull;
}

export function segmentAt(plan: DayPlan, t: number): CycleSegment {
  const segs = plan.segments;
  for (let i = segs.length - 1; i > 0; i--)
    if (t >= (segs[i] as CycleSegment).start) return segs[i] as CycleSegment;
  return segs[0] as CycleSegment;
}

/** G(t): the fill layout's list time from the day start to t (no allocation: hot path). */
export function gAt(plan: DayPlan, t: number): number {
  const seg = segmentAt(plan, t);
  if (t >= seg.end) return seg.gEnd;
  if (t <= seg.start) return seg.g0;
  const C = plan.cycleMs;
  const k = Math.floor((t - seg.a0) / C);
  const aligned = seg.a0 + k * C;
  const start = Math.max(aligned, seg.start);
  const end = Math.min(aligned + C, seg.end);
  const lists = cycleLists(plan, end - start);
  const inCycle = Math.min(t - start, lists);
  return seg.g0 + listsBeforeCycle(plan, seg, start) + inCycle;
}

/** The lists' virtual clock at x in run (x within the run or at its end). */
export function listsV(plan: DayPlan, run: Run, x: number): number {
  if (run.owner.kind === 'none') return run.listsBefore + (x - run.start);
  return run.listsBefore + gAt(plan, x) - run.g0;
}

/** The run owner's virtual clock at x: its non-list airtime since the run started. */
export function ownerV(plan: DayPlan, run: Run, x: number): number {
  return x - gAt(plan, x) - run.h0;
}

export function runAt(plan: DayPlan, t: number): Run {
  const runs = plan.runs;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((runs[mid] as Run).start <= t) lo = mid;
    else hi = mid - 1;
  }
  return runs[lo] as Run;
}

export function buildDayPlan(input: PlanInput, day: ZoneDay, prev: ZoneDay): DayPlan {
  const lists = buildStream(input.playlists, [input.listsPlaylistId], day.date);
  const share = lists ? input.share : 0;
  const C = input.cycleMs;
  const base = day.start;
  const plan: DayPlan = {
    day,
    length: day.end - base,
    cycleMs: C,
    share,
    lists,
    lFull: listsMs(share, C),
    segments: [],
    runs: [],
    activity: [],
  };
  let g = 0;
  for (const z of day.segments) {
    const start = z.start - base;
    const end = z.end - base;
    const a0 = start - mod(z.start + z.offset, C);
    const firstEnd = Math.min(a0 + C, end);
    const lFirst = cycleLists(plan, firstEnd - start);
    const seg: CycleSegment = { start, end, offset: z.offset, a0, firstEnd, lFirst, g0: g, gEnd: g };
    const last = cycleAt(plan, seg, end - 1);
    seg.gEnd = g + listsBeforeCycle(plan, seg, last.start) + last.lists;
    g = seg.gEnd;
    plan.segments.push(seg);
  }
  for (const campaign of input.campaigns) {
    const intervals = activityOn(campaign, day, prev).map(([a, b]): [number, number] => [a - base, b - base]);
    if (intervals.length > 0) plan.activity.push({ campaign, intervals });
  }
  const def = buildStream(input.playlists, [input.defaultPlaylistId], day.date);
  plan.runs = paintRuns(plan, input, def);
  return plan;
}

/** Gives each stretch of the day to the best campaign with something to play, the rest to the default. */
function paintRuns(plan: DayPlan, input: PlanInput, def: Stream | null): Run[] {
  let free: Array<[number, number]> = [[0, plan.length]];
  const pieces: Array<{ start: number; end: number; owner: Owner }> = [];
  for (const { campaign, intervals } of plan.activity) {
    if (free.length === 0) break;
    const stream = buildStream(input.playlists, campaign.source.playlistIds, plan.day.date);
    if (!stream) continue;
    const owner: Owner = { kind: 'campaign', campaign, stream };
    for (const [a, b] of intervals) {
      const next: Array<[number, number]> = [];
      for (const f of free) {
        if (f[1] <= a || f[0] >= b) {
          next.push(f);
          continue;
        }
        if (f[0] < a) next.push([f[0], a]);
        pieces.push({ start: Math.max(f[0], a), end: Math.min(f[1], b), owner });
        if (f[1] > b) next.push([b, f[1]]);
      }
      free = next;
    }
  }
  const rest: Owner = def ? { kind: 'default', stream: def } : { kind: 'none' };
  for (const [start, end] of free) pieces.push({ start, end, owner: rest });
  pieces.sort((x, y) => x.start - y.start);
  const runs: Run[] = [];
  let listsTime = 0;
  for (const p of pieces) {
    const last = runs[runs.length - 1];
    if (last && last.owner === p.owner && last.end === p.start) last.end = p.end;
    else runs.push({ ...p, listsBefore: 0, g0: 0, h0: 0 });
  }
  for (const run of runs) {
    run.listsBefore = listsTime;
    run.g0 = gAt(plan, run.start);
    run.h0 = run.start - run.g0;
    if (run.owner.kind !== 'none') listsTime += gAt(plan, run.end) - run.g0;
    else if (plan.lists) listsTime += run.end - run.start;
  }
  return runs;
}
