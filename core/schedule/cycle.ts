import { HOUR_MS } from './zone.js';

/** The divisors of one hour in ms, ascending (126 of them). */
const HOUR_DIVISORS: number[] = (() => {
  const out: number[] = [];
  for (let d = 1; d * d <= HOUR_MS; d++) {
    if (HOUR_MS % d !== 0) continue;
    out.push(d);
    if (d * d !== HOUR_MS) out.push(HOUR_MS / d);
  }
  return out.sort((a, b) => a - b);
})();

/**
 * The airtime cycle actually used: cycleMs itself when it divides the hour (so cycles tile every
 * local hour and each hour holds whole cycles), otherwise the largest divisor of the hour below
 * it; an hour when cycleMs is not a positive number or exceeds the hour.
 */
export function effectiveCycleMs(cycleMs: number): number {
  if (!Number.isFinite(cycleMs) || cycleMs < 1) return HOUR_MS;
  const cap = Math.min(Math.floor(cycleMs), HOUR_MS);
  let best = 1;
  for (const d of HOUR_DIVISORS) {
    if (d > cap) break;
    best = d;
  }
  return best;
}

/** listShare clamped to 0..1; the DOMAIN default (30%) when it is not a number. */
export function effectiveShare(listShare: number): number {
  if (Number.isNaN(listShare)) return 0.3;
  return Math.min(1, Math.max(0, listShare));
}

/**
 * The lists' part of a cycle of `len` ms: ceil(share * len), where a product within 1e-6 ms of an
 * integer counts as that integer (0.7 * 600000 is 420000.00000000006 in floating point and must
 * not become 420001).
 */
export function listsMs(share: number, len: number): number {
  const exact = share * len;
  const rounded = Math.round(exact);
  const ms = Math.abs(exact - rounded) < 1e-6 ? rounded : Math.ceil(exact);
  return Math.min(len, Math.max(0, ms));
}
