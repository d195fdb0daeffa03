// The atomic unit of playback: a stretch with one stream, one entry occurrence and one reason.
// Times are relative to the plan's day start (see dayPlan.ts).
//
// Layout of a cycle [cs, ce) whose lists' part is L = ceil(share * (ce - cs)):
// - fill: [cs, cs + L) plays the lists, the rest belongs to whoever owns each instant (the
//   winning campaign, else the default; when nobody does, the lists go on playing).
// - interleave, used when one 'interleave' campaign owns the whole cycle and 0 < L < ce - cs:
//   the lists (A) and the campaign (B) alternate entry by entry, A first, with budgets L for A
//   and R = (ce - cs) - L for B. An entry is cut where its side's budget runs out; once one side
//   is spent the other plays alone to the cycle's end. Guarantee: B never plays more than R,
//   A never more than L, and A + B fill the cycle, so A gets exactly L — the lists' share of
//   every cycle, as in the fill layout, hence of every hour (whole cycles tile an hour).
//   Formally, with F_A(k) the distance from A's position at cs to its k-th entry boundary,
//   f_A(k) = min(F_A(k), L), likewise f_B with R, the (k+1)-th A piece is
//   [f_A(k) + f_B(k), f_A(k+1) + f_B(k)) and the (k+1)-th B piece [f_A(k+1) + f_B(k),
//   f_A(k+1) + f_B(k+1)); each is found by a binary search over k, never by stepping.
// A stream's virtual clock runs only while it is on air, so a cut entry goes on where it stopped
// the next time its stream is on air and every entry gets its full airtime.
import {
  type Cycle,
  cycleAt,
  type DayPlan,
  listsV,
  type Owner,
  ownerV,
  type Run,
  runAt,
  segmentAt,
} from './dayPlan.js';
import { boundaryAfter, type EntryHit, entryAt, type Stream } from './streams.js';

export interface Piece {
  start: number;
  end: number;
  stream: Stream;
  /** The run's owner, or null for the lists. */
  owner: Owner | null;
  /** Identity of the stream's clock (with the stream, which is per day): 0 for the lists, else the run start. */
  anchor: number;
  /** Virtual clock at start and end, and the entry occurrence being played. */
  vStart: number;
  vEnd: number;
  hit: EntryHit;
}

/** Nothing to play in [start, end). */
export interface Gap {
  start: number;
  end: number;
  stream: null;
}

/** The piece playing at t (ms since the day start, within the day). */
export function pieceAt(plan: DayPlan, t: number): Piece | Gap {
  const run = runAt(plan, t);
  const lists = plan.lists;
  if (run.owner.kind === 'none') {
    if (!lists) return { start: run.start, end: run.end, stream: null };
    return entryPiece(lists, null, 0, listsV(plan, run, t), t, run.start, run.end);
  }
  const owned = run.owner;
  const cycle = cycleAt(plan, segmentAt(plan, t), t);
  const len = cycle.end - cycle.start;
  if (cycle.lists === 0) {
    return entryPiece(owned.stream, owned, run.start, ownerV(plan, run, t), t, run.start, run.end);
  }
  if (
    lists &&
    owned.kind === 'campaign' &&
    owned.campaign.source.sharing === 'interleave' &&
    run.start <= cycle.start &&
    run.end >= cycle.end &&
    cycle.lists < len
  ) {
    return interleavePiece(plan, run, owned.stream, owned, cycle, t);
  }
  const listsEnd = cycle.start + cycle.lists;
  if (lists && t < listsEnd) {
    const start = Math.max(cycle.start, run.start);
    return entryPiece(lists, null, 0, listsV(plan, run, t), t, start, Math.min(listsEnd, run.end));
  }
  const start = Math.max(listsEnd, run.start);
  const end = Math.min(cycle.end, run.end);
  return entryPiece(owned.stream, owned, run.start, ownerV(plan, run, t), t, start, end);
}

function entryPiece(
  stream: Stream,
  owner: Owner | null,
  anchor: number,
  v: number,
  t: number,
  atomicStart: number,
  atomicEnd: number,
): Piece {
  const hit = entryAt(stream, v);
  const start = Math.max(atomicStart, t - (v - hit.vStart));
  const end = Math.min(atomicEnd, t + (hit.vEnd - v));
  return { start, end, stream, owner, anchor, vStart: v - (t - start), vEnd: v + (end - t), hit };
}

/** Clamped distance from v0 to the k-th boundary after the occurrence `hit` started. */
function clamped(stream: Stream, hit: EntryHit, v0: number, k: number, budget: number): number {
  if (k === 0) return 0;
  const d = boundaryAfter(stream, hit, k) - v0;
  return Math.min(d, budget);
}

/** The occurrence that starts at the k-th boundary after hit0 (hit0 itself for k = 0). */
function nthHit(stream: Stream, hit0: EntryHit, k: number): EntryHit {
  if (k === 0) return hit0;
  return {
    index: (hit0.index + k) % stream.entries.length,
    vStart: boundaryAfter(stream, hit0, k),
    vEnd: boundaryAfter(stream, hit0, k + 1),
  };
}

/** Where both streams stand at the start of an interleave cycle (shared by its pieces). */
interface CycleStart {
  plan: DayPlan;
  start: number;
  vA: number;
  vB: number;
  hitA: EntryHit;
  hitB: EntryHit;
}
let lastCycle: CycleStart | null = null;

function cycleStartOf(plan: DayPlan, run: Run, b: Stream, start: number): CycleStart {
  if (lastCycle && lastCycle.plan === plan && lastCycle.start === start) return lastCycle;
  const vA = listsV(plan, run, start);
  const vB = ownerV(plan, run, start);
  lastCycle = { plan, start, vA, vB, hitA: entryAt(plan.lists as Stream, vA), hitB: entryAt(b, vB) };
  return lastCycle;
}

// Written without closures: this is the hot path of a timeline in interleave cycles.
function interleavePiece(plan: DayPlan, run: Run, b: Stream, owner: Owner, cycle: Cycle, t: number): Piece {
  const a = plan.lists as Stream;
  const budgetA = cycle.lists;
  const budgetB = cycle.end - cycle.start - budgetA;
  const { vA, vB, hitA, hitB } = cycleStartOf(plan, run, b, cycle.start);
  const tau = t - cycle.start;
  let hi = 1;
  while (clamped(a, hitA, vA, hi, budgetA) + clamped(b, hitB, vB, hi, budgetB) <= tau) hi *= 2;
  let k = 0;
  while (hi - k > 1) {
    const mid = (k + hi) >> 1;
    if (clamped(a, hitA, vA, mid, budgetA) + clamped(b, hitB, vB, mid, budgetB) <= tau) k = mid;
    else hi = mid;
  }
  const fAk = clamped(a, hitA, vA, k, budgetA);
  const fAk1 = clamped(a, hitA, vA, k + 1, budgetA);
  const fBk = clamped(b, hitB, vB, k, budgetB);
  const aEnd = fAk1 + fBk;
  if (tau < aEnd) {
    return {
      start: cycle.start + fAk + fBk,
      end: cycle.start + aEnd,
      stream: a,
      owner: null,
      anchor: 0,
      vStart: vA + fAk,
      vEnd: vA + fAk1,
      hit: nthHit(a, hitA, k),
    };
  }
  const fBk1 = clamped(b, hitB, vB, k + 1, budgetB);
  return {
    start: cycle.start + aEnd,
    end: cycle.start + fAk1 + fBk1,
    stream: b,
    owner,
    anchor: run.start,
    vStart: vB + fBk,
    vEnd: vB + fBk1,
    hit: nthHit(b, hitB, k),
  };
}
