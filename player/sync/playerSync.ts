import type { Dataset } from '../../core/credit/dataset.js';
import { Manifest } from '../../core/manifest/types.js';
import type { PlayRecord } from '../../core/protocol/events.js';
import { Connection, type ConnectionHost } from './connection.js';
import { DatasetLoader } from './datasetLoader.js';
import { type DeviceState, loadDevice, resetDevice, saveDevice } from './device.js';
import { MediaCache } from './mediaCache.js';
import { OfflineStore } from './offlineStore.js';
import { Pairing } from './pairing.js';
import { PlaysBuffer } from './playsBuffer.js';
import { evictSwContent, registerServiceWorker } from './serviceWorker.js';
import type { SyncSnapshot } from './snapshot.js';
import { TrustedClock } from './trustedClock.js';

export type { SyncPhase, SyncSnapshot } from './snapshot.js';

const PERSIST_CLOCK_MS = 5000;
const META_VALID_UNTIL = 'listsValidUntil';
const META_DEVICE = 'device';
const META_CLOCK = 'clockFloor';

/**
 * Pairing, the connection, the manifest and its datasets and media, the offline store and the
 * proof-of-play buffer: everything the playback loop reads, and the commands it obeys.
 */
export class PlayerSync implements ConnectionHost {
  readonly clock = new TrustedClock();
  private device: DeviceState = loadDevice();
  store: OfflineStore | null = null;
  /** Fetches, parses and stores datasets off the main thread where it can. */
  private datasetLoader = new DatasetLoader(() => this.store);
  readonly media: MediaCache;
  plays: PlaysBuffer = new PlaysBuffer(null);
  private conn: Connection | null = null;
  private pairing: Pairing;
  private listeners = new Set<() => void>();
  private applying: Promise<void> = Promise.resolve();
  private timers: ReturnType<typeof setInterval>[] = [];
  snapshot: SyncSnapshot = {
    phase: 'starting',
    pairing: null,
    pairingError: null,
    manifest: null,
    datasets: new Map(),
    failedDatasets: new Set(),
    connected: false,
    listsValidUntil: 0,
    degraded: false,
    source: 'none',
    sw: 'pending',
    identifyUntil: 0,
    infoOpen: false,
    reloading: false,
  };

  constructor(readonly base = '') {
    this.media = new MediaCache(null, base);
    this.pairing = new Pairing(base, () => this.device, {
      onCode: (pairing, error) => this.set({ pairing, pairingError: error }),
      onPaired: (token, screenId) => void this.paired(token, screenId),
      now: () => this.clock.now(),
    });
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  set(patch: Partial<SyncSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** How many datasets the worker and the page itself loaded (the worker is the normal path). */
  get datasetLoads(): { worker: number; page: number } {
    return { ...this.datasetLoader.loads };
  }

  get token(): string | null {
    return this.device.token;
  }

  get screenId(): string | null {
    return this.device.screenId;
  }

  /** Opens the offline store, plays the cached manifest if any, then connects (or pairs). */
  async start(): Promise<void> {
    this.timers.push(setInterval(() => this.clock.persist(), PERSIST_CLOCK_MS));
    // The manifest used to be cached here; IndexedDB holds it now.
    localStorage.removeItem('hallcast.manifest');
    void registerServiceWorker().then((r) => {
      this.set({ sw: r.state });
      if (r.error) this.reportError('sw_failed', r.error);
      if (r.state === 'pending') {
        navigator.serviceWorker.addEventListener('controllerchange', () => this.set({ sw: 'active' }), {
          once: true,
        });
      }
    });
    this.store = await OfflineStore.open();
    if (!this.store) this.reportError('offline_store_unavailable', 'IndexedDB could not be opened');
    this.media.attach(this.store);
    this.plays = new PlaysBuffer(this.store?.db ?? null);
    await this.recoverFromStore();
    if (!this.device.token) return this.startPairing();
    await this.restore().catch((err) => this.reportError('cache_failed', (err as Error).message));
    this.connect();
  }

  /**
   * localStorage is written to disk lazily: a power cut (or a killed browser) soon after pairing
   * can lose it. The device identity and the clock's floor are also kept in IndexedDB, whose
   * transactions are on disk once complete; whichever is there (and later) wins.
   */
  private async recoverFromStore(): Promise<void> {
    if (!this.store) return;
    const kept = await this.store.getMeta<DeviceState>(META_DEVICE).catch(() => undefined);
    if (!this.device.token && kept?.token && kept.secret) {
      this.device = kept;
      saveDevice(kept);
    } else if (this.device.token && kept?.token !== this.device.token) {
      await this.store.setMeta(META_DEVICE, this.device).catch(() => undefined);
    }
    const floor = await this.store.getMeta<number>(META_CLOCK).catch(() => undefined);
    if (floor) this.clock.adoptPersisted(floor);
    this.timers.push(
      setInterval(
        () => void this.store?.setMeta(META_CLOCK, this.clock.now()).catch(() => undefined),
        PERSIST_CLOCK_MS,
      ),
    );
  }

  /** Plays what the offline store holds: no clock sync (a cached time is not the server's answer). */
  private async restore(): Promise<void> {
    const loaded = await this.store?.loadManifest(this.device.screenId);
    for (const p of loaded?.problems ?? []) this.reportError('cache_corrupt', p);
    const m = loaded?.manifest;
    if (!m) {
      this.set({ phase: 'connecting' });
      return;
    }
    const { datasets, failed } = await this.loadDatasets(m, false);
    await this.media.restore(m.media.map((x) => x.hash));
    const validUntil = (await this.store?.getMeta<number>(META_VALID_UNTIL)) ?? m.listsValidUntil;
    this.set({
      manifest: m,
      datasets,
      failedDatasets: failed,
      listsValidUntil: loaded.fallback ? 0 : validUntil,
      degraded: loaded.fallback,
      source: 'cache',
      phase: 'ready',
    });
  }

  private startPairing(): void {
    this.set({ phase: 'pairing', manifest: null, datasets: new Map(), source: 'none' });
    void this.store?.clearAll().catch(() => undefined);
    this.pairing.start();
  }

  private async paired(token: string, screenId: string): Promise<void> {
    this.device = { ...this.device, token, screenId };
    saveDevice(this.device);
    await this.store?.setMeta(META_DEVICE, this.device).catch(() => undefined);
    this.set({ pairing: null, phase: 'connecting' });
    this.connect();
  }

  private connect(): void {
    this.conn?.close();
    this.conn = new Connection(this);
  }

  /** The token was refused or revoked: forget it and show a pairing code again. */
  unpair(): void {
    this.conn?.close();
    this.conn = null;
    this.device = resetDevice();
    this.media.reset();
    void this.store?.setMeta(META_DEVICE, this.device).catch(() => undefined);
    this.startPairing();
  }

  /** A stale-window renewal from a handshake or heartbeat reply. */
  renewLists(serverTime: number, listsValidUntil: number): void {
    this.clock.sync(serverTime);
    void this.store?.setMeta(META_VALID_UNTIL, listsValidUntil).catch(() => undefined);
    this.set({ listsValidUntil });
  }

  /** Applies a manifest from the server, one at a time, in order of arrival. */
  apply(raw: unknown, force = false): Promise<void> {
    this.applying = this.applying
      .then(() => this.applyNow(raw, force))
      .catch((err) => {
        this.reportError('manifest_apply_failed', (err as Error).message);
      });
    return this.applying;
  }

  private async applyNow(raw: unknown, force: boolean): Promise<void> {
    const parsed = Manifest.safeParse(raw);
    if (!parsed.success) {
      this.reportError('manifest_invalid', parsed.error.issues[0]?.message ?? 'invalid manifest');
      return;
    }
    const m = parsed.data;
    const s = this.snapshot;
    this.clock.sync(m.serverTime);
    const same = !force && s.manifest?.revision === m.revision && !s.degraded && s.failedDatasets.size === 0;
    if (same) {
      this.set({ listsValidUntil: Math.max(s.listsValidUntil, m.listsValidUntil), source: 'server' });
      return;
    }
    const { datasets, failed } = await this.loadDatasets(m, true);
    await this.store?.saveManifest(m, this.clock.now()).catch((err) => {
      this.reportError('cache_write_failed', (err as Error).message);
    });
    void this.store?.setMeta(META_VALID_UNTIL, m.listsValidUntil).catch(() => undefined);
    this.set({
      manifest: m,
      datasets,
      failedDatasets: failed,
      listsValidUntil: m.listsValidUntil,
      degraded: false,
      source: 'server',
      phase: 'ready',
    });
    this.conn?.settingsChanged(m);
    void this.fetchMediaAndEvict(m);
  }

  /** Media the manifest names, then eviction of what it no longer names (IndexedDB and service worker). */
  private async fetchMediaAndEvict(m: Manifest): Promise<void> {
    const failed = await this.media.fetchAll(m.media);
    for (const hash of failed)
      this.reportError('media_fetch_failed', `media ${hash.slice(0, 12)} could not be fetched`);
    if (this.snapshot.manifest !== m) return;
    const datasets = new Set(m.datasets.map((d) => d.hash));
    const media = new Set(m.media.map((x) => x.hash));
    await this.store?.evict(datasets, media).catch(() => undefined);
    await evictSwContent(new Set([...datasets, ...media]));
    this.media.release(media);
  }

  /**
   * Each dataset the manifest names: from memory, the offline store or (when `network`) the
   * server. One that cannot be loaded or parsed is marked failed: its lists are hidden.
   */
  private async loadDatasets(
    m: Manifest,
    network: boolean,
    refresh = false,
  ): Promise<{ datasets: Map<string, Dataset>; failed: Set<string> }> {
    const datasets = new Map<string, Dataset>();
    const failed = new Set<string>();
    await Promise.all(
      m.datasets.map(async ({ hash }) => {
        const have = this.snapshot.datasets.get(hash);
        if (have && !refresh) return void datasets.set(hash, have);
        try {
          const url = new URL(`${this.base}/datasets/${hash}`, location.href).href;
          datasets.set(
            hash,
            await this.datasetLoader.load({
              hash,
              url,
              token: this.device.token ?? '',
              readStore: !refresh,
              network,
            }),
          );
        } catch (err) {
          // The same hash is the same content: a copy in memory stays good when a refresh fails.
          if (have) return void datasets.set(hash, have);
          failed.add(hash);
          this.reportError('dataset_failed', `${hash.slice(0, 12)}: ${(err as Error).message.slice(0, 200)}`);
        }
      }),
    );
    return { datasets, failed };
  }

  /** Fetches the manifest over HTTP (resync). */
  async fetchManifest(force = false): Promise<number> {
    const res = await fetch(`${this.base}/api/player/manifest`, {
      headers: { authorization: `Bearer ${this.device.token}` },
      cache: 'no-store',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await this.apply(await res.json(), force);
    return this.snapshot.manifest?.revision ?? 0;
  }

  /**
   * clear-cache: forgets the stored datasets and media (IndexedDB, service worker) and loads
   * them again; what is on screen keeps playing from memory meanwhile.
   */
  async clearCache(): Promise<number> {
    await this.store?.clearContent();
    await evictSwContent();
    const m = this.snapshot.manifest;
    if (!m) return this.fetchManifest(true);
    const { datasets, failed } = await this.loadDatasets(m, true, true);
    this.set({ datasets, failedDatasets: failed });
    this.media.reset();
    void this.fetchMediaAndEvict(m);
    return m.revision;
  }

  /** Reloads the page after crossfading to the poster, which is also the new page's first paint. */
  reload(afterMs = 1500): void {
    if (this.snapshot.reloading) return;
    this.set({ reloading: true });
    setTimeout(() => location.reload(), afterMs);
  }

  /** Called by the screen once the manifest's revision is what it shows. */
  confirmRendered(revision: number): void {
    this.conn?.rendered(revision);
  }

  reportState(itemId: string | null, kind: Manifest['items'][number]['kind'] | null): void {
    this.conn?.state(itemId, kind, this.snapshot.manifest?.revision ?? 0);
  }

  /** Reported to the server now, or when it is back (the last few are kept). */
  reportError(code: string, message: string, itemId?: string): void {
    if (this.conn) this.conn.error({ code, message: message.slice(0, 500), ...(itemId ? { itemId } : {}) });
    else {
      this.earlyErrors.push({ code, message: message.slice(0, 500), ...(itemId ? { itemId } : {}) });
      this.earlyErrors.splice(0, this.earlyErrors.length - 20);
    }
  }
  /** Errors before the connection exists (start-up, cache problems); handed to it when it starts. */
  earlyErrors: { code: string; message: string; itemId?: string }[] = [];

  recordPlay(record: PlayRecord): void {
    void this.plays.add(record).catch(() => undefined);
  }

  get connection(): Connection | null {
    return this.conn;
  }
}
