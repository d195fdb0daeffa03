// The atomic unit of playback: a stretch with one stream, one entry occurrence and one reason.
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
  /** Identity of the stream's clock: the day start (lists) or the run start. */
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

/** The piece playing at t, t within plan.day. */
export function pieceAt(plan: DayPlan, t: number): Piece | Gap {
  const run = runAt(plan, t);
  const lists = plan.lists;
  if (run.owner.kind === 'none') {
    if (!lists) return { start: run.start, end: run.end, stream: null };
    return entryPiece(lists, null, plan.day.start, listsV(plan, run, t), t, run.start, run.end);
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
    return entryPiece(
      lists,
      null,
      plan.day.start,
      listsV(plan, run, t),
      t,
      start,
      Math.min(listsEnd, run.end),
    );
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

/** Clamped distance to the k-th boundary after the position v0 within `hit`. */
function clamped(stream: Stream, hit: EntryHit, v0: number, k: number, budget: number): number {
  if (k === 0) return 0;
  return Math.min(boundaryAfter(stream, hit, k) - v0, budget);
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

function interleavePiece(plan: DayPlan, run: Run, b: Stream, owner: Owner, cycle: Cycle, t: number): Piece {
  const a = plan.lists as Stream;
  const budgetA = cycle.lists;
  const budgetB = cycle.end - cycle.start - budgetA;
  const vA = listsV(plan, run, cycle.start);
  const vB = ownerV(plan, run, cycle.start);
  const hitA = entryAt(a, vA);
  const hitB = entryAt(b, vB);
  const fA = (k: number) => clamped(a, hitA, vA, k, budgetA);
  const fB = (k: number) => clamped(b, hitB, vB, k, budgetB);
  const sumAt = (k: number) => fA(k) + fB(k);
  const tau = t - cycle.start;
  let hi = 1;
  while (sumAt(hi) <= tau) hi *= 2;
  let k = 0;
  while (hi - k > 1) {
    const mid = (k + hi) >> 1;
    if (sumAt(mid) <= tau) k = mid;
    else hi = mid;
  }
  const aEnd = fA(k + 1) + fB(k);
  if (tau < aEnd) {
    const piece = { start: cycle.start + sumAt(k), end: cycle.start + aEnd, stream: a, owner: null };
    return {
      ...piece,
      anchor: plan.day.start,
      vStart: vA + fA(k),
      vEnd: vA + fA(k + 1),
      hit: nthHit(a, hitA, k),
    };
  }
  const piece = { start: cycle.start + aEnd, end: cycle.start + sumAt(k + 1), stream: b, owner };
  return { ...piece, anchor: run.start, vStart: vB + fB(k), vEnd: vB + fB(k + 1), hit: nthHit(b, hitB, k) };
}
