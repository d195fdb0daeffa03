import { Manifest } from '../../core/manifest/types.js';
import { Idb } from './idb.js';

/** How many manifests are kept: the newest, and the last good one before it. */
const KEEP_MANIFESTS = 2;

interface ManifestRecord {
  revision: number;
  savedAt: number;
  /** The manifest as JSON text, parsed again (with its schema) when read back. */
  json: string;
}

export interface MediaRecord {
  mime: string;
  bytes: number;
  blob: Blob;
}

export interface LoadedManifest {
  /** The newest readable copy, or null. */
  manifest: Manifest | null;
  /** A newer copy was unreadable and this older one plays: credit lists stay hidden. */
  fallback: boolean;
  /** What was wrong with the copies skipped. */
  problems: string[];
}

/**
 * What the player keeps across restarts in IndexedDB: the last manifests, datasets by hash (as
 * the server's JSON text), media blobs by hash (as many as fit), the proof-of-play buffer and a
 * few values (the stale window's end). Datasets and media the manifest no longer names are
 * deleted by `evict`.
 */
export class OfflineStore {
  private constructor(readonly db: Idb) {}

  /** Null when IndexedDB cannot be opened (private mode, broken profile): the player plays from memory. */
  static async open(): Promise<OfflineStore | null> {
    try {
      return new OfflineStore(await Idb.open());
    } catch {
      return null;
    }
  }

  /** The newest readable manifest for this screen, and what was wrong with newer copies. */
  async loadManifest(screenId: string | null): Promise<LoadedManifest> {
    const records = (await this.db.getAll<ManifestRecord>('manifests')).sort(
      (a, b) => b.revision - a.revision,
    );
    const problems: string[] = [];
    for (const [i, r] of records.entries()) {
      try {
        const parsed = Manifest.safeParse(JSON.parse(r.json));
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid manifest');
        if (screenId && parsed.data.screenId !== screenId) throw new Error('manifest of another screen');
        return { manifest: parsed.data, fallback: i > 0, problems };
      } catch (err) {
        problems.push(`cached manifest ${String(r?.revision)}: ${(err as Error).message}`);
      }
    }
    return { manifest: null, fallback: false, problems };
  }

  /** Keeps `manifest` as the newest copy; older ones beyond the last good one are dropped. */
  async saveManifest(manifest: Manifest, at: number): Promise<void> {
    const keys = (await this.db.keys('manifests')).map(Number).sort((a, b) => b - a);
    const stale = keys.filter((k) => k !== manifest.revision).slice(KEEP_MANIFESTS - 1);
    const record: ManifestRecord = {
      revision: manifest.revision,
      savedAt: at,
      json: JSON.stringify(manifest),
    };
    await this.db.batch('manifests', [[manifest.revision, record]], stale);
  }

  /** Every manifest kept (readable or not), newest first: their media are kept by `evict`. */
  async keptManifests(): Promise<Manifest[]> {
    const out: Manifest[] = [];
    for (const r of await this.db.getAll<ManifestRecord>('manifests')) {
      try {
        const parsed = Manifest.safeParse(JSON.parse(r.json));
        if (parsed.success) out.push(parsed.data);
      } catch {
        // An unreadable copy keeps nothing alive.
      }
    }
    return out.sort((a, b) => b.revision - a.revision);
  }

  loadDataset(hash: string): Promise<string | undefined> {
    return this.db.get<string>('datasets', hash);
  }

  saveDataset(hash: string, text: string): Promise<void> {
    return this.db.put('datasets', hash, text);
  }

  loadMedia(hash: string): Promise<MediaRecord | undefined> {
    return this.db.get<MediaRecord>('media', hash);
  }

  saveMedia(hash: string, record: MediaRecord): Promise<void> {
    return this.db.put('media', hash, record);
  }

  async mediaKeys(): Promise<string[]> {
    return (await this.db.keys('media')).map(String);
  }

  /** Deletes datasets and media not in the sets to keep; returns how many went. */
  async evict(keepDatasets: Set<string>, keepMedia: Set<string>): Promise<number> {
    const datasets = (await this.db.keys('datasets')).map(String).filter((k) => !keepDatasets.has(k));
    const media = (await this.mediaKeys()).filter((k) => !keepMedia.has(k));
    await this.db.delete('datasets', datasets);
    await this.db.delete('media', media);
    return datasets.length + media.length;
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return this.db.get<T>('meta', key);
  }

  setMeta(key: string, value: unknown): Promise<void> {
    return this.db.put('meta', key, value);
  }

  /**
   * Bytes the origin stores (the browser's estimate, which reads nothing back) and the datasets
   * and media held: reported with every heartbeat, so it must stay cheap.
   */
  async usage(): Promise<{ bytes: number; items: number }> {
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    const items = (await this.db.count('media')) + (await this.db.count('datasets'));
    return { bytes: Math.max(0, Math.round(estimate?.usage ?? 0)), items };
  }

  /** Forgets datasets and media (clear-cache); manifests and the proof-of-play buffer stay. */
  async clearContent(): Promise<void> {
    await this.db.clear('datasets');
    await this.db.clear('media');
  }

  /** Forgets everything (a new pairing). */
  async clearAll(): Promise<void> {
    for (const s of ['manifests', 'datasets', 'media', 'plays', 'meta'] as const) await this.db.clear(s);
  }
}
