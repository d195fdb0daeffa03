/// <reference lib="webworker" />
// The player's dataset worker: reads a dataset from IndexedDB or the server, parses and checks it
// and stores it, all off the main thread, so that a new revision of a 10,000-row list does not
// freeze the animation on a slow hall box. The parsed dataset goes to the page in parts, one
// part each time the page asks for the next: taking in 10,000 entries at once is itself a
// 200 ms task on such a box, a few hundred at a time fit between two frames. A classic worker
// (Chromium 69 has no module workers): the built-ins it lacks come first.
import '../boot/builtins.js';
import { Dataset } from '../../core/credit/dataset.js';
import { type DatasetRequest, loadDataset } from './datasetSource.js';
import { OfflineStore } from './offlineStore.js';

/** Entries per part sent to the page. */
const PART_ENTRIES = 400;

export type WorkerRequest = ({ type: 'load' } & DatasetRequest) | { type: 'next' };
export type WorkerReply =
  | { ok: true; head: Omit<Dataset, 'entries'> | null; entries: Dataset['entries']; done: boolean }
  | { ok: false; message: string };
export type Tagged<T> = T & { id: number };

declare const self: DedicatedWorkerGlobalScope;

let store: Promise<OfflineStore | null> | undefined;
const parse = (text: string): Dataset => Dataset.parse(JSON.parse(text));
/** Datasets being handed over, by request id: what is left to send. */
const handing = new Map<number, { entries: Dataset['entries']; at: number }>();

function sendPart(id: number, head: Omit<Dataset, 'entries'> | null): void {
  const h = handing.get(id);
  if (!h) return;
  const entries = h.entries.slice(h.at, h.at + PART_ENTRIES);
  h.at += entries.length;
  const done = h.at >= h.entries.length;
  if (done) handing.delete(id);
  self.postMessage({ id, ok: true, head, entries, done } satisfies Tagged<WorkerReply>);
}

self.onmessage = async (e: MessageEvent<Tagged<WorkerRequest>>) => {
  const msg = e.data;
  if (msg.type === 'next') return sendPart(msg.id, null);
  const { id, type: _, ...req } = msg;
  store ??= OfflineStore.open();
  try {
    const { entries, ...head } = await loadDataset(req, await store, parse);
    handing.set(id, { entries, at: 0 });
    sendPart(id, head);
  } catch (err) {
    self.postMessage({
      id,
      ok: false,
      message: (err as Error).message || String(err),
    } satisfies Tagged<WorkerReply>);
  }
};
