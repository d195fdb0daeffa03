import type { PlayerHeartbeat, PlayerState } from '../../core/protocol/events.js';
import type { Clock } from '../clock.js';
import type { PresenceFlush } from '../store/screenStore.js';

export interface ScreenPresence {
  online: boolean;
  lastSeenAt: number | null;
  version: string | null;
  uptimeS: number | null;
  currentItem: string | null;
  currentKind: string | null;
  errors: number;
  canvas: { width: number; height: number } | null;
  page?: number;
}

/** Live screen presence; in memory here, Redis-backed when scaled out. */
export interface Presence {
  connected(screenId: string, version: string): void;
  disconnected(screenId: string): void;
  heartbeat(screenId: string, hb: PlayerHeartbeat): void;
  state(screenId: string, st: PlayerState): void;
  error(screenId: string): void;
  get(screenId: string): ScreenPresence | undefined;
  isOnline(screenId: string): boolean;
  /** Screens whose presence changed since the last call, for the batched flush. */
  drainDirty(): PresenceFlush[];
  /** Screens whose last sign of life is older than the offline threshold. */
  expire(offlineAfterMs: number): string[];
}

/** Presence kept in this process's memory. */
export class MemoryPresence implements Presence {
  private screens = new Map<string, ScreenPresence>();
  private dirty = new Set<string>();
  constructor(private clock: Clock) {}

  private touch(id: string, patch: Partial<ScreenPresence>): void {
    const prev = this.screens.get(id) ?? {
      online: false,
      lastSeenAt: null,
      version: null,
      uptimeS: null,
      currentItem: null,
      currentKind: null,
      errors: 0,
      canvas: null,
    };
    this.screens.set(id, { ...prev, ...patch });
    this.dirty.add(id);
  }
  connected(id: string, version: string): void {
    this.touch(id, { online: true, lastSeenAt: this.clock.now(), version });
  }
  disconnected(id: string): void {
    this.touch(id, { online: false });
  }
  heartbeat(id: string, hb: PlayerHeartbeat): void {
    this.touch(id, {
      online: true,
      lastSeenAt: this.clock.now(),
      version: hb.version,
      uptimeS: hb.uptimeS,
      currentItem: hb.item,
      errors: hb.errors,
      canvas: hb.canvas,
    });
  }
  state(id: string, st: PlayerState): void {
    this.touch(id, {
      lastSeenAt: this.clock.now(),
      currentItem: st.itemId,
      currentKind: st.kind,
      page: st.page,
    });
  }
  error(id: string): void {
    this.touch(id, { errors: (this.screens.get(id)?.errors ?? 0) + 1 });
  }
  get(id: string): ScreenPresence | undefined {
    return this.screens.get(id);
  }
  isOnline(id: string): boolean {
    return this.screens.get(id)?.online ?? false;
  }
  drainDirty(): PresenceFlush[] {
    const out: PresenceFlush[] = [];
    for (const id of this.dirty) {
      const p = this.screens.get(id);
      if (!p) continue;
      const { lastSeenAt, version, uptimeS, currentItem, currentKind, errors } = p;
      out.push({ id, lastSeenAt, version, uptimeS, currentItem, currentKind, errors });
    }
    this.dirty.clear();
    return out;
  }
  expire(offlineAfterMs: number): string[] {
    const cutoff = this.clock.now() - offlineAfterMs;
    const gone: string[] = [];
    for (const [id, p] of this.screens) {
      if (p.online && (p.lastSeenAt ?? 0) < cutoff) {
        this.touch(id, { online: false });
        gone.push(id);
      }
    }
    return gone;
  }
}
