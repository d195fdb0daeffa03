import type { ManifestMedia } from '../../core/manifest/types.js';
import type { OfflineStore } from './offlineStore.js';

/** Leave this share of the origin's quota free; past it media is not kept offline. */
const QUOTA_HEADROOM = 0.1;

async function roomFor(bytes: number): Promise<boolean> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (!estimate?.quota) return true;
  return (estimate.usage ?? 0) + bytes < estimate.quota * (1 - QUOTA_HEADROOM);
}

/**
 * Media files by sha256: kept as blobs in IndexedDB as far as the quota allows and handed to the
 * renderers as object URLs, so the player shows them with no network (and on plain-http origins
 * where no service worker can cache them). A file not held offline is played from
 * `/media/<hash>` (the service worker's cache or the network).
 */
export class MediaCache {
  private urls = new Map<string, string>();
  private inFlight = new Map<string, Promise<boolean>>();

  constructor(
    private store: OfflineStore | null,
    private base: string,
  ) {}

  /** The offline store opens after start-up begins; until then nothing is kept. */
  attach(store: OfflineStore | null): void {
    this.store = store;
  }

  /** The URL a renderer should use now; stable for a hash once it is held offline. */
  urlFor(hash: string): string {
    return this.urls.get(hash) ?? `${this.base}/media/${hash}`;
  }

  isHeld(hash: string): boolean {
    return this.urls.has(hash);
  }

  /** Turns the blobs already in IndexedDB into object URLs (start-up, offline). */
  async restore(hashes: Iterable<string>): Promise<void> {
    if (!this.store) return;
    for (const hash of hashes) {
      if (this.urls.has(hash)) continue;
      const rec = await this.store.loadMedia(hash).catch(() => undefined);
      if (rec?.blob) this.urls.set(hash, URL.createObjectURL(rec.blob));
    }
  }

  /**
   * Downloads what the manifest names and is not held yet, two at a time; returns the hashes
   * that could not be fetched (reported; their items fail and are skipped when they come up).
   */
  async fetchAll(media: ManifestMedia[]): Promise<string[]> {
    const queue = media.filter((m) => !this.urls.has(m.hash));
    const failed: string[] = [];
    const worker = async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        if (!(await this.fetchOne(m))) failed.push(m.hash);
      }
    };
    await Promise.all([worker(), worker()]);
    return failed;
  }

  private fetchOne(m: ManifestMedia): Promise<boolean> {
    let p = this.inFlight.get(m.hash);
    if (!p) {
      p = this.download(m).finally(() => this.inFlight.delete(m.hash));
      this.inFlight.set(m.hash, p);
    }
    return p;
  }

  private async download(m: ManifestMedia): Promise<boolean> {
    // A stalled transfer must not hold a download slot for ever: 30 s plus 100 KB/s of the file.
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), 30_000 + m.bytes / 100);
    try {
      const res = await fetch(`${this.base}/media/${m.hash}`, { signal: ctrl.signal });
      if (!res.ok) return false;
      const blob = await res.blob();
      if (this.store && (await roomFor(blob.size))) {
        await this.store.saveMedia(m.hash, { mime: m.mime, bytes: blob.size, blob }).catch(() => undefined);
      }
      this.urls.set(m.hash, URL.createObjectURL(blob));
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forgets object URLs not in `keep`, after a delay so an outgoing item can finish its fade. */
  release(keep: Set<string>, delayMs = 10_000): void {
    for (const [hash, url] of this.urls) {
      if (keep.has(hash)) continue;
      this.urls.delete(hash);
      setTimeout(() => URL.revokeObjectURL(url), delayMs);
    }
  }

  /** Drops every object URL (clear-cache); items being shown keep what they decoded. */
  reset(): void {
    this.release(new Set());
  }
}
