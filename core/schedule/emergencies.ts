import type { ScheduledEmergency } from './types.js';

/** A stretch of time during which one emergency notice wins. */
export interface EmergencySpan {
  start: number;
  end: number;
  emergency: ScheduledEmergency;
}

/** Newest createdAt first, then the smaller id (code-unit order). */
function beats(a: ScheduledEmergency, b: ScheduledEmergency): boolean {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.id < b.id;
}

/**
 * Who wins when, as sorted disjoint spans (adjacent spans of one emergency joined). An emergency
 * is active on [startsAt, expiresAt); one that expires before it starts never is.
 */
export function emergencySpans(emergencies: readonly ScheduledEmergency[]): EmergencySpan[] {
  const valid = emergencies.filter((e) => e.startsAt < e.expiresAt);
  const cuts = [...new Set(valid.flatMap((e) => [e.startsAt, e.expiresAt]))].sort((a, b) => a - b);
  const spans: EmergencySpan[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    let best: ScheduledEmergency | null = null;
    for (const e of valid) {
      if (e.startsAt <= start && start < e.expiresAt && (!best || beats(e, best))) best = e;
    }
    if (!best) continue;
    const last = spans[spans.length - 1];
    if (last && last.emergency === best && last.end === start) last.end = end;
    else spans.push({ start, end, emergency: best });
  }
  return spans;
}

/** Index of the first span ending after t (spans.length if none). */
export function spanIndexAfter(spans: readonly EmergencySpan[], t: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as EmergencySpan).end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
