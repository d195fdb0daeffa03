import type { Dataset } from '../../core/credit/dataset.js';

/** One dataset to load, as the player's main thread or its dataset worker does it. */
export interface DatasetRequest {
  hash: string;
  /** Absolute URL of `/datasets/<hash>` on the server. */
  url: string;
  /** The screen's device token (Bearer). */
  token: string;
  /** Look in the offline store first (false: a refresh, from the server only). */
  readStore: boolean;
  /** May ask the server when the store does not have it. */
  network: boolean;
}

/** Where dataset texts are kept across restarts (the IndexedDB offline store). */
export interface DatasetStore {
  loadDataset(hash: string): Promise<string | undefined>;
  saveDataset(hash: string, text: string): Promise<void>;
}

/**
 * The offline store's copy, else the server's (kept in the store once it parsed). Throws when
 * neither has it or it does not parse: the list is then hidden, never shown stale.
 */
export async function loadDataset(
  req: DatasetRequest,
  store: DatasetStore | null,
  parse: (text: string) => Dataset | Promise<Dataset>,
): Promise<Dataset> {
  let text = req.readStore ? await store?.loadDataset(req.hash).catch(() => undefined) : undefined;
  let fromNetwork = false;
  if (text === undefined && req.network) {
    const res = await fetch(req.url, { headers: { authorization: `Bearer ${req.token}` } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
    fromNetwork = true;
  }
  if (text === undefined) throw new Error('not in the offline store');
  const dataset = await parse(text);
  if (fromNetwork) await store?.saveDataset(req.hash, text).catch(() => undefined);
  return dataset;
}
