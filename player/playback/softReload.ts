import { useEffect } from 'react';
import { dateIn } from '../render/index.js';
import type { PlayerSync } from '../sync/playerSync.js';
import { swControls } from '../sync/serviceWorker.js';

/** The quiet hour in the screen's timezone unless the server says otherwise: 03:00–04:00, when halls are closed. */
export const QUIET_HOUR = 3;
/** A page younger than this is not reloaded (no reload loop after a late start). */
const MIN_UPTIME_MS = 30 * 60_000;
const CHECK_MS = 60_000;
const KEY = 'hallcast.softReloadDate';

/** Whether a soft reload is due: in the quiet hour, not yet today, the page old enough. */
export function softReloadDue(
  now: number,
  timezone: string,
  lastDate: string | null,
  uptimeMs: number,
  quietHour: number = QUIET_HOUR,
): boolean {
  if (quietHour < 0) return false;
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: timezone }).format(now),
  );
  return hour === quietHour && lastDate !== dateIn(now, timezone) && uptimeMs >= MIN_UPTIME_MS;
}

/** Whether the server answers /api/health within 5 s (a reload must not land on a browser error page). */
export async function serverAnswers(base: string): Promise<boolean> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 5000);
  try {
    const res = await fetch(`${base}/api/health`, { cache: 'no-store', signal: ctrl.signal });
    return res.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Once a day in the quiet hour the page reloads itself (a months-long page leaks). Only when a
 * service worker holds the app shell and the server answers /api/health: a reload that cannot
 * load the page would leave the screen blank. Skipped days are reported.
 */
/** What the daily reload needs of the player's sync: its clock, server, error report and reload. */
export interface ReloadHost {
  readonly clock: { now(): number };
  readonly base: string;
  reportError: PlayerSync['reportError'];
  reload(): void;
}

export async function maybeSoftReload(
  sync: ReloadHost,
  timezone: string,
  startedAt: number,
  flush: () => void,
  quietHour: number = QUIET_HOUR,
): Promise<void> {
  const now = sync.clock.now();
  const last = localStorage.getItem(KEY);
  if (!softReloadDue(now, timezone, last, performance.now() - startedAt, quietHour)) return;
  if (!swControls()) {
    localStorage.setItem(KEY, dateIn(now, timezone));
    sync.reportError('reload_skipped', 'no service worker holds the app shell: the daily reload is skipped');
    return;
  }
  if (!(await serverAnswers(sync.base))) return;
  localStorage.setItem(KEY, dateIn(now, timezone));
  flush();
  sync.reload();
}

export function useSoftReload(
  sync: ReloadHost,
  timezone: string,
  quietHour: number,
  flush: () => void,
): void {
  useEffect(() => {
    const startedAt = performance.now();
    const id = setInterval(() => void maybeSoftReload(sync, timezone, startedAt, flush, quietHour), CHECK_MS);
    return () => clearInterval(id);
  }, [sync, timezone, quietHour, flush]);
}
