import { useEffect } from 'react';
import type { PlayerSettings } from '../../core/manifest/types.js';
import { swControls } from '../sync/serviceWorker.js';
import { type ReloadHost, serverAnswers } from './softReload.js';

export const RENDER_STALL_MS = 60_000;
export const SOCKET_STALL_MS = 10 * 60_000;
const CHECK_MS = 5000;

export interface StallState {
  /** Monotonic time (performance.now) of the last animation frame and of the last playback render. */
  lastFrameAt: number;
  lastRenderAt: number;
  /** Since when the socket has been down (monotonic), null while connected. */
  downSince: number | null;
  /** The page's age (monotonic). */
  uptimeMs: number;
  visible: boolean;
}

/**
 * What has stalled, if anything: the render loop (no frame or no playback render for
 * `renderStallMs` on a visible page) or the socket (down for `socketStallMs`). A page younger
 * than twice the render window is left alone, so a slow start never loops into reloads.
 */
export function stallOf(
  now: number,
  s: StallState,
  renderStallMs = RENDER_STALL_MS,
  socketStallMs = SOCKET_STALL_MS,
): 'render' | 'socket' | null {
  if (s.uptimeMs < 2 * renderStallMs) return null;
  if (s.visible && now - Math.min(s.lastFrameAt, s.lastRenderAt) > renderStallMs) return 'render';
  if (s.downSince !== null && now - s.downSince > socketStallMs) return 'socket';
  return null;
}

/** The stall watchdog's host: the daily reload's, with the socket state. */
export interface StallHost extends ReloadHost {
  readonly snapshot: { connected: boolean };
}

/**
 * Reloads the page when its render loop or its socket stalls, but only when a service worker
 * holds the app shell and the server answers /api/health, as the daily reload does: a reload that
 * cannot load the page would leave a browser error page on the hall screen. Returns the
 * function the playback render calls each time it renders.
 */
export function useStallWatchdog(
  sync: StallHost,
  settings: Pick<PlayerSettings, 'renderStallMs' | 'socketStallMs'>,
  flush: () => void,
  lastRenderAt: { current: number },
): void {
  const { renderStallMs, socketStallMs } = settings;
  useEffect(() => {
    const startedAt = performance.now();
    const s = { lastFrameAt: startedAt, downSince: null as number | null, skipped: false, busy: false };
    let frame = 0;
    const tick = (t: number) => {
      s.lastFrameAt = t;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    const check = async () => {
      const now = performance.now();
      if (sync.snapshot.connected) s.downSince = null;
      else s.downSince ??= now;
      const state: StallState = {
        lastFrameAt: s.lastFrameAt,
        lastRenderAt: lastRenderAt.current,
        downSince: s.downSince,
        uptimeMs: now - startedAt,
        visible: document.visibilityState === 'visible',
      };
      const stall = stallOf(now, state, renderStallMs, socketStallMs);
      if (!stall || s.busy) return;
      if (!swControls()) {
        if (!s.skipped)
          sync.reportError('reload_skipped', `${stall} stalled; no service worker holds the app shell`);
        s.skipped = true;
        return;
      }
      s.busy = true;
      const up = await serverAnswers(sync.base);
      s.busy = false;
      if (!up) return;
      sync.reportError(
        'stall_reload',
        `the ${stall === 'render' ? 'render loop' : 'socket'} stalled: reloading`,
      );
      flush();
      sync.reload();
    };
    const id = setInterval(() => void check(), CHECK_MS);
    return () => {
      clearInterval(id);
      cancelAnimationFrame(frame);
    };
  }, [sync, renderStallMs, socketStallMs, flush, lastRenderAt]);
}
