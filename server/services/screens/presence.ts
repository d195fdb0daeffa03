import type { PlayerEngine, PlayerHeartbeat, PlayerState } from '../../../core/protocol/events.js';
import type { Clock } from '../../clock.js';
import type { PresenceFlush } from '../../store/screenStore.js';

export interface ScreenPresence {
  online: boolean;
  lastSeenAt: number | null;
  connectedAt: number | null;
  version: string | null;
  engine: PlayerEngine | null;
  uptimeS: number | null;
  currentItem: string | null;
  currentKind: string | null;
  /** The list page shown, from `player:state`. */
  page: number | null;
  stateAt: number | null;
  errors: number;
  lastError: { code: string; message: string; at: number } | null;
  canvas: { width: number; height: number } | null;
  cache: { bytes: number; items: number } | null;
}

/** Live screen presence; in memory here, Redis-backed when scaled out. */
export interface Presence {
  /** A socket opened (version and engine from `player:hello`, absent before it). */
  connected(screenId: string, version?: string, engine?: PlayerEngine): void;
  disconnected(screenId: string): void;
  heartbeat(screenId: string, hb: PlayerHeartbeat): void;
  state(screenId: string, st: PlayerState): void;
  error(screenId: string, err?: { code: string; message: string }): void;
  get(screenId: string): ScreenPresence | undefined;
  isOnline(screenId: string): boolean;
  /** Screens whose presence changed since the last call, for the batched flush. */
  drainDirty(): PresenceFlush[];
  /** Screens whose last sign of life is older than the offline threshold. */
  expire(offlineAfterMs: number): string[];
}

const EMPTY: ScreenPresence = {
  online: false,
  lastSeenAt: null,
  connectedAt: null,
  version: null,
  engine: null,
  uptimeS: null,
  currentItem: null,
  currentKind: null,
  page: null,
  stateAt: null,
  errors: 0,
  lastError: null,
  canvas: null,
  cache: null,
};

/** Presence kept in this process's memory. */
export class MemoryPresence implements Presence {
  private screens = new Map<string, ScreenPresence>();
  private dirty = new Set<string>();
  constructor(private clock: Clock) {}

  private touch(id: string, patch: Partial<ScreenPresence>): void {
    this.screens.set(id, { ...(this.screens.get(id) ?? EMPTY), ...patch });
    this.dirty.add(id);
  }
  connected(id: string, version?: string, engine?: PlayerEngine): void {
    const now = this.clock.now();
    const was = this.screens.get(id);
    this.touch(id, {
      online: true,
      lastSeenAt: now,
      connectedAt: was?.online ? was.connectedAt : now,
      ...(version !== undefined ? { version } : {}),
      ...(engine !== undefined ? { engine } : {}),
    });
  }
  disconnected(id: string): void {
    this.touch(id, { online: false, connectedAt: null });
  }
  heartbeat(id: string, hb: PlayerHeartbeat): void {
    const was = this.screens.get(id);
    // `player:state` is the precise source of the item; a heartbeat only fills in a missed one.
    const item =
      hb.item !== null && hb.item !== was?.currentItem ? { currentItem: hb.item, currentKind: null } : {};
    this.touch(id, {
      online: true,
      lastSeenAt: this.clock.now(),
      connectedAt: was?.online ? was.connectedAt : this.clock.now(),
      version: hb.version,
      uptimeS: hb.uptimeS,
      ...item,
      errors: hb.errors,
      canvas: hb.canvas,
      cache: hb.cache,
    });
  }
  state(id: string, st: PlayerState): void {
    const now = this.clock.now();
    this.touch(id, {
      lastSeenAt: now,
      stateAt: now,
      currentItem: st.itemId,
      currentKind: st.kind,
      page: st.page ?? null,
    });
  }
  error(id: string, err?: { code: string; message: string }): void {
    const errors = (this.screens.get(id)?.errors ?? 0) + 1;
    this.touch(id, { errors, ...(err ? { lastError: { ...err, at: this.clock.now() } } : {}) });
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
      const engine = p.engine
        ? { engineName: p.engine.name, engineMajor: p.engine.major, engineAndroid: p.engine.android }
        : { engineName: null, engineMajor: null, engineAndroid: null };
      out.push({ id, lastSeenAt, version, uptimeS, currentItem, currentKind, errors, ...engine });
    }
    this.dirty.clear();
    return out;
  }
  expire(offlineAfterMs: number): string[] {
    const cutoff = this.clock.now() - offlineAfterMs;
    const gone: string[] = [];
    for (const [id, p] of this.screens) {
      if (p.online && (p.lastSeenAt ?? 0) < cutoff) {
        this.touch(id, { online: false, connectedAt: null });
        gone.push(id);
      }
    }
    return gone;
  }
}
