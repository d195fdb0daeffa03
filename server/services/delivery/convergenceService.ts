import type { ChangeProgress } from '../../../core/protocol/events.js';
import type { ChangeDetail, ChangeScreen, ConvergenceState } from '../../../core/protocol/operations.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { ChangeStore } from '../../store/changeStore.js';
import type { ChangeScreenState, ConvergenceStore } from '../../store/convergenceStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { Metrics } from '../operations/metrics.js';
import type { Presence } from '../screens/presence.js';

/** How long a change stays tracked live; older ones are read from the database only. */
const TRACK_MS = 24 * 60 * 60_000;

/** Which changes are still converging and when each times out; in memory here, Redis when scaled out. */
export interface ConvergenceTracker {
  open(changeId: string, timeoutAt: number): void;
  close(changeId: string): void;
  isOpen(changeId: string): boolean;
  openIds(): string[];
  /** Open changes whose timeout passed since the last call (each reported once). */
  timedOut(now: number): string[];
}

export class MemoryConvergenceTracker implements ConvergenceTracker {
  private changes = new Map<string, { timeoutAt: number; reported: boolean }>();
  open(changeId: string, timeoutAt: number): void {
    if (!this.changes.has(changeId)) this.changes.set(changeId, { timeoutAt, reported: false });
  }
  close(changeId: string): void {
    this.changes.delete(changeId);
  }
  isOpen(changeId: string): boolean {
    return this.changes.has(changeId);
  }
  openIds(): string[] {
    return [...this.changes.keys()];
  }
  timedOut(now: number): string[] {
    const out: string[] = [];
    for (const [id, c] of this.changes) {
      if (!c.reported && c.timeoutAt <= now) {
        c.reported = true;
        out.push(id);
      }
    }
    return out;
  }
}

type Deps = {
  changes: ChangeStore;
  store: ConvergenceStore;
  screens: ScreenStore;
  presence: Presence;
  tracker: ConvergenceTracker;
  clock: Clock;
  config: Pick<Config, 'convergenceTimeoutMs'>;
  /** Convergence and takedown times for /metrics. */
  metrics?: Pick<Metrics, 'rendered'>;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Convergence of every change per screen: pending -> received (ack of `manifest:updated`) ->
 * rendered (`player:rendered`), with times; offline and timed-out screens counted apart.
 */
export function createConvergenceService(d: Deps) {
  const timeout = d.config.convergenceTimeoutMs;
  for (const c of d.store.unconverged(d.clock.now() - TRACK_MS)) d.tracker.open(c.id, c.createdAt + timeout);

  function stateOf(r: ChangeScreenState, createdAt: number, now: number): ConvergenceState {
    if (r.renderedAt !== null) return 'rendered';
    if (!d.presence.isOnline(r.screenId)) return 'offline';
    if (now >= createdAt + timeout) return 'timeout';
    return r.receivedAt !== null ? 'received' : 'pending';
  }

  function summarise(changeId: string): { progress: ChangeProgress; screens: ChangeScreen[] } | undefined {
    const c = d.store.change(changeId);
    if (!c) return undefined;
    const now = d.clock.now();
    const screens = d.store.screens(changeId).map(
      (r): ChangeScreen => ({
        screenId: r.screenId,
        screenName: r.screenName,
        hallName: r.hallName,
        revision: r.revision,
        state: stateOf(r, c.createdAt, now),
        receivedAt: r.receivedAt,
        renderedAt: r.renderedAt,
        ms: r.renderedAt === null ? null : Math.max(0, r.renderedAt - c.createdAt),
      }),
    );
    const rendered = screens.filter((s) => s.ms !== null);
    const times = rendered.map((s) => s.ms!).sort((a, b) => a - b);
    const slowest = rendered.reduce<ChangeScreen | null>((a, s) => (a && a.ms! >= s.ms! ? a : s), null);
    const count = (state: ConvergenceState) => screens.filter((s) => s.state === state).length;
    const progress: ChangeProgress = {
      changeId,
      kind: c.kind,
      summary: c.summary,
      createdAt: c.createdAt,
      total: screens.length,
      received: screens.filter((s) => s.receivedAt !== null).length,
      rendered: rendered.length,
      offline: count('offline'),
      timedOut: count('timeout'),
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      slowest: slowest
        ? { screenId: slowest.screenId, screenName: slowest.screenName, ms: slowest.ms! }
        : null,
      timeoutAt: c.createdAt + timeout,
    };
    if (progress.rendered === progress.total || now - c.createdAt > TRACK_MS) d.tracker.close(changeId);
    return { progress, screens };
  }

  return {
    /** A change was fanned out: track it until every screen rendered it. */
    opened(changeId: string): void {
      const c = d.store.change(changeId);
      if (c) d.tracker.open(changeId, c.createdAt + timeout);
    },
    /** The ack of `manifest:updated`; returns the changes that moved. */
    received(screenId: string, revision: number): string[] {
      const moved = d.store.unreceived(screenId, revision);
      d.screens.setAcked(screenId, revision);
      if (moved.length > 0) d.changes.markReceived(screenId, revision, d.clock.now());
      return moved;
    },
    /** `player:rendered` (never above the screen's revision); returns the changes that moved. */
    rendered(screenId: string, revision: number): string[] {
      const current = d.screens.get(screenId)?.revision ?? 0;
      const r = Math.min(revision, current);
      d.screens.setRendered(screenId, r);
      const moved = d.changes.markRendered(screenId, r, d.clock.now());
      if (d.metrics) {
        for (const id of moved) {
          const c = d.store.change(id);
          const p = summarise(id)?.progress;
          if (c && p) d.metrics.rendered(c.kind, d.clock.now() - c.createdAt, p.rendered === p.total);
        }
      }
      return moved;
    },
    /** Changes still converging that involve this screen (its presence moves their counts). */
    openFor(screenId: string): string[] {
      return d.store
        .pendingForScreen(screenId, d.clock.now() - TRACK_MS)
        .filter((id) => d.tracker.isOpen(id));
    },
    progress: (changeId: string) => summarise(changeId)?.progress,
    detail(changeId: string): ChangeDetail | undefined {
      const s = summarise(changeId);
      const c = d.store.change(changeId);
      if (!s || !c) return undefined;
      const takedowns = d.store.takedowns(changeId).map((t) => ({ id: t.id, entryName: t.entryName }));
      return { ...s.progress, actor: c.actor, screens: s.screens, takedowns };
    },
    recent(limit: number): ChangeProgress[] {
      return d.store.recent(limit).flatMap((c) => summarise(c.id)?.progress ?? []);
    },
    /** Open changes whose timeout just passed: their counts move from pending to 超时. */
    timedOut: () => d.tracker.timedOut(d.clock.now()),
    openIds: () => d.tracker.openIds(),
  };
}
export type ConvergenceService = ReturnType<typeof createConvergenceService>;
