import { io, type Socket } from 'socket.io-client';
import { Dataset } from '../../core/credit/dataset.js';
import type { Manifest } from '../../core/manifest/types.js';
import type { PlayerToServer, ServerToPlayer, TimeSync } from '../../core/protocol/events.js';
import type { PairPollResult, PairRegistered } from '../../core/protocol/rest.js';
import { type DeviceState, loadDevice, resetDevice, saveDevice } from './device.js';
import { TrustedClock } from './trustedClock.js';

export const PLAYER_VERSION = '0.1.0';
const MANIFEST_KEY = 'hallcast.manifest';

export type SyncPhase = 'starting' | 'pairing' | 'connecting' | 'ready';

export interface SyncSnapshot {
  phase: SyncPhase;
  pairing: PairRegistered | null;
  pairingError: string | null;
  manifest: Manifest | null;
  datasets: Map<string, Dataset>;
  /** Datasets the manifest names that could not be loaded: their lists are hidden (fail closed). */
  failedDatasets: Set<string>;
  connected: boolean;
  listsValidUntil: number;
}

const canvasOf = () => ({ width: Math.max(16, window.innerWidth), height: Math.max(8, window.innerHeight) });

/** Pairing, the socket, the manifest and its datasets: everything the playback loop reads. */
export class PlayerSync {
  readonly clock = new TrustedClock();
  private device: DeviceState = loadDevice();
  private socket: Socket<ServerToPlayer, PlayerToServer> | null = null;
  private listeners = new Set<() => void>();
  private timers: ReturnType<typeof setTimeout>[] = [];
  private startedAt = performance.now();
  private errors = 0;
  private current: { itemId: string | null } = { itemId: null };
  snapshot: SyncSnapshot = {
    phase: 'starting',
    pairing: null,
    pairingError: null,
    manifest: null,
    datasets: new Map(),
    failedDatasets: new Set(),
    connected: false,
    listsValidUntil: 0,
  };

  constructor(private base = '') {}

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  private set(patch: Partial<SyncSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const fn of this.listeners) fn();
  }

  start(): void {
    const cached = this.readCachedManifest();
    if (cached && this.device.token) this.set({ manifest: cached, listsValidUntil: cached.listsValidUntil });
    if (this.device.token) this.connect();
    else void this.pair();
  }

  private readCachedManifest(): Manifest | null {
    try {
      const raw = localStorage.getItem(MANIFEST_KEY);
      return raw ? (JSON.parse(raw) as Manifest) : null;
    } catch {
      return null;
    }
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok)
      throw Object.assign(new Error(json?.error?.message ?? res.statusText), { status: res.status });
    return json as T;
  }

  /** Registers a pairing code and polls until an operator claims it. */
  private async pair(): Promise<void> {
    this.set({ phase: 'pairing', manifest: null, datasets: new Map() });
    localStorage.removeItem(MANIFEST_KEY);
    try {
      const reg = await this.post<PairRegistered>('/api/pair/register', {
        deviceSecret: this.device.secret,
        canvas: canvasOf(),
        version: PLAYER_VERSION,
      });
      this.set({ pairing: reg, pairingError: null });
      this.poll(reg);
    } catch (err) {
      this.set({ pairingError: `无法连接服务器：${(err as Error).message}，稍后自动重试` });
      this.later(() => void this.pair(), 5000);
    }
  }

  private poll(reg: PairRegistered): void {
    this.later(async () => {
      if (this.clock.now() > reg.expiresAt) return void this.pair();
      try {
        const r = await this.post<PairPollResult>('/api/pair/poll', {
          code: reg.code,
          deviceSecret: this.device.secret,
        });
        if (r.status === 'paired') {
          this.device = { ...this.device, token: r.token, screenId: r.screenId };
          saveDevice(this.device);
          this.set({ pairing: null });
          this.connect();
          return;
        }
        this.poll(reg);
      } catch (err) {
        if ((err as { status?: number }).status === 410 || (err as { status?: number }).status === 404)
          return void this.pair();
        this.poll(reg);
      }
    }, 1500);
  }

  private later(fn: () => void, ms: number): void {
    this.timers.push(setTimeout(fn, ms));
  }

  private connect(): void {
    this.set({ phase: this.snapshot.manifest ? 'ready' : 'connecting' });
    const maxDelay = this.snapshot.manifest?.player.reconnectMaxMs ?? 60_000;
    const socket: Socket<ServerToPlayer, PlayerToServer> = io(`${this.base}/player`, {
      auth: { token: this.device.token },
      transports: ['websocket'],
      reconnectionDelay: 1000,
      reconnectionDelayMax: maxDelay,
      randomizationFactor: 0.5,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.set({ connected: true });
      socket.emit(
        'player:hello',
        { revision: this.snapshot.manifest?.revision ?? 0, version: PLAYER_VERSION, canvas: canvasOf() },
        (r) => {
          if (r.ok) this.onTime(r.data);
        },
      );
    });
    socket.on('disconnect', () => this.set({ connected: false }));
    socket.on('connect_error', (err) => {
      const data = (err as Error & { data?: { code?: string } }).data;
      if (data?.code === 'unauthorized') this.unpair();
    });
    socket.on('server:bye', (p) => {
      if (p.code === 'revoked') this.unpair();
    });
    socket.on('manifest:updated', (p, ack) => {
      ack({ ok: true, data: undefined });
      if (p.manifest) void this.apply(p.manifest);
      else void this.fetchManifest();
    });
    socket.on('command', (cmd, ack) => {
      if (cmd.kind === 'reload') {
        ack({ ok: true, data: 'reloading' });
        location.reload();
      } else if (cmd.kind === 'resync') {
        ack({ ok: true, data: 'resyncing' });
        void this.fetchManifest();
      } else
        ack({ ok: false, error: { code: 'unsupported', message: `command ${cmd.kind} not supported yet` } });
    });
  }

  private unpair(): void {
    this.socket?.disconnect();
    this.socket = null;
    for (const t of this.timers) clearTimeout(t);
    this.device = resetDevice();
    void this.pair();
  }

  private onTime(t: TimeSync): void {
    this.clock.sync(t.serverTime);
    this.set({ listsValidUntil: t.listsValidUntil });
  }

  private async fetchManifest(): Promise<void> {
    const res = await fetch(`${this.base}/api/player/manifest`, {
      headers: { authorization: `Bearer ${this.device.token}` },
    });
    if (res.ok) await this.apply((await res.json()) as Manifest);
  }

  /** Loads what a new manifest needs; a list whose dataset cannot load is hidden, never shown stale. */
  private async apply(manifest: Manifest): Promise<void> {
    this.clock.sync(manifest.serverTime);
    const datasets = new Map<string, Dataset>();
    const failed = new Set<string>();
    await Promise.all(
      manifest.datasets.map(async (d) => {
        const have = this.snapshot.datasets.get(d.hash);
        if (have) return void datasets.set(d.hash, have);
        try {
          const res = await fetch(`${this.base}/datasets/${d.hash}`, {
            headers: { authorization: `Bearer ${this.device.token}` },
          });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          datasets.set(d.hash, Dataset.parse(await res.json()));
        } catch (err) {
          failed.add(d.hash);
          this.reportError('dataset_failed', `${d.hash.slice(0, 12)}: ${(err as Error).message}`);
        }
      }),
    );
    localStorage.setItem(MANIFEST_KEY, JSON.stringify(manifest));
    this.set({
      manifest,
      datasets,
      failedDatasets: failed,
      listsValidUntil: manifest.listsValidUntil,
      phase: 'ready',
    });
    this.startHeartbeat(manifest.player.heartbeatMs);
  }

  /** Called by the screen once the manifest's revision is what it shows. */
  confirmRendered(revision: number): void {
    this.socket?.emit('player:rendered', { revision }, () => undefined);
  }

  reportState(itemId: string | null, kind: Manifest['items'][number]['kind'] | null, page?: number): void {
    this.current = { itemId };
    const revision = this.snapshot.manifest?.revision ?? 0;
    this.socket?.emit('player:state', { itemId, kind, revision, ...(page !== undefined ? { page } : {}) });
  }

  reportError(code: string, message: string, itemId?: string): void {
    this.errors++;
    this.socket?.emit('player:error', {
      code,
      message: message.slice(0, 500),
      ...(itemId ? { itemId } : {}),
    });
  }

  private heartbeat?: ReturnType<typeof setInterval>;
  private startHeartbeat(ms: number): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    // Jitter spreads a hall's screens so they do not beat in step.
    this.heartbeat = setInterval(
      () => {
        this.clock.persist();
        this.socket?.emit(
          'player:heartbeat',
          {
            revision: this.snapshot.manifest?.revision ?? 0,
            item: this.current.itemId,
            uptimeS: Math.round((performance.now() - this.startedAt) / 1000),
            version: PLAYER_VERSION,
            canvas: canvasOf(),
            cache: { bytes: 0, items: this.snapshot.datasets.size },
            errors: this.errors,
          },
          (r) => {
            if (r.ok) this.onTime(r.data);
          },
        );
      },
      ms * (0.9 + Math.random() * 0.2),
    );
  }
}
