/** The object stores of the player's database (see offlineStore.ts for what each holds). */
export type StoreName = 'manifests' | 'datasets' | 'media' | 'plays' | 'meta';
const STORES: StoreName[] = ['manifests', 'datasets', 'media', 'plays', 'meta'];

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * A small promise wrapper over IndexedDB: one database, out-of-line keys everywhere. IndexedDB is
 * there on plain-http LAN origins too, where service workers and Cache Storage are not.
 */
export class Idb {
  private constructor(private db: IDBDatabase) {}

  static open(name = 'hallcast-player'): Promise<Idb> {
    return new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined') return reject(new Error('IndexedDB is not available'));
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        for (const s of STORES) if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
      };
      req.onsuccess = () => {
        // A newer page (or the dataset worker's page) upgrading the database must not be blocked
        // by this connection: it closes, and the next open sees the new version.
        req.result.onversionchange = () => req.result.close();
        resolve(new Idb(req.result));
      };
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
      req.onblocked = () => reject(new Error('IndexedDB open blocked'));
    });
  }

  get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
    return done(this.db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
  }

  getAll<T>(store: StoreName): Promise<T[]> {
    return done(this.db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
  }

  keys(store: StoreName): Promise<IDBValidKey[]> {
    return done(this.db.transaction(store).objectStore(store).getAllKeys());
  }

  count(store: StoreName): Promise<number> {
    return done(this.db.transaction(store).objectStore(store).count());
  }

  async put(store: StoreName, key: IDBValidKey, value: unknown): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value, key);
    await committed(tx);
  }

  /** Writes and deletes in one transaction. */
  async batch(
    store: StoreName,
    puts: Array<[IDBValidKey, unknown]>,
    deletes: IDBValidKey[] = [],
  ): Promise<void> {
    if (puts.length === 0 && deletes.length === 0) return;
    const tx = this.db.transaction(store, 'readwrite');
    const os = tx.objectStore(store);
    for (const key of deletes) os.delete(key);
    for (const [key, value] of puts) os.put(value, key);
    await committed(tx);
  }

  async delete(store: StoreName, keys: IDBValidKey[]): Promise<void> {
    await this.batch(store, [], keys);
  }

  async clear(store: StoreName): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    tx.objectStore(store).clear();
    await committed(tx);
  }
}
