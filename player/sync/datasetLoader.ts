import type { Dataset } from '../../core/credit/dataset.js';
import { type DatasetRequest, type DatasetStore, loadDataset } from './datasetSource.js';
import type { Tagged, WorkerReply, WorkerRequest } from './datasetWorker.js';
import { parseDataset } from './parseDataset.js';

/** A worker that has not answered in this long is taken for broken; the page loads itself. */
const WORKER_TIMEOUT_MS = 60_000;
/** After a broken worker, the page loads datasets itself this long before a new worker is tried. */
const RETRY_WORKER_MS = 10 * 60_000;

class WorkerUnavailable extends Error {}

interface Pending {
  worker: Worker;
  head: Omit<Dataset, 'entries'> | null;
  entries: Dataset['entries'];
  resolve: (d: Dataset) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Loads datasets in a dedicated worker (player/sync/datasetWorker.ts): fetching, decoding,
 * parsing and storing a 10,000-row list takes over a second of main-thread time on a hall box
 * with a slow CPU, long enough to freeze a scrolling board. Where no worker can run (its script
 * not loadable without the server and no service worker, no Worker at all, a worker that stops
 * answering), the page does the same work itself, in chunks. A classic worker: Chromium 69, the
 * factory WebView of Android 9 signage boxes, has no module workers.
 */
export class DatasetLoader {
  private worker: Worker | null = null;
  private retryAt = 0;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  /** Datasets loaded by the worker and by the page (shown to a technician and the browser tests). */
  readonly loads = { worker: 0, page: 0 };

  constructor(private store: () => DatasetStore | null) {}

  async load(req: DatasetRequest): Promise<Dataset> {
    const worker = this.ensureWorker();
    if (worker) {
      try {
        const d = await this.inWorker(worker, req);
        this.loads.worker++;
        return d;
      } catch (err) {
        if (!(err instanceof WorkerUnavailable)) throw err;
      }
    }
    const d = await loadDataset(req, this.store(), parseDataset);
    this.loads.page++;
    return d;
  }

  /** Whether loads run in the worker now (false before the first load and after a failure). */
  get usingWorker(): boolean {
    return Boolean(this.worker);
  }

  private ensureWorker(): Worker | null {
    if (this.worker || performance.now() < this.retryAt) return this.worker;
    try {
      if (typeof Worker !== 'function') throw new Error('no Worker');
      const w = new Worker(new URL('./datasetWorker.ts', import.meta.url));
      w.onmessage = (e: MessageEvent<Tagged<WorkerReply>>) => this.onReply(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        this.broken(w);
      };
      w.onmessageerror = () => this.broken(w);
      this.worker = w;
    } catch {
      this.worker = null;
      this.retryAt = Number.POSITIVE_INFINITY;
    }
    return this.worker;
  }

  private inWorker(worker: Worker, req: DatasetRequest): Promise<Dataset> {
    const id = this.nextId++;
    return new Promise<Dataset>((resolve, reject) => {
      const timer = setTimeout(() => this.broken(worker), WORKER_TIMEOUT_MS);
      this.pending.set(id, { worker, head: null, entries: [], resolve, reject, timer });
      worker.postMessage({ type: 'load', ...req, id } satisfies Tagged<WorkerRequest>);
    });
  }

  /** A part of a dataset (the next is asked for once this one is taken in), or a failure. */
  private onReply(reply: Tagged<WorkerReply>): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (!reply.ok) {
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      p.reject(new Error(reply.message));
      return;
    }
    p.head ??= reply.head;
    for (const e of reply.entries) p.entries.push(e);
    if (!reply.done) {
      p.worker.postMessage({ type: 'next', id: reply.id } satisfies Tagged<WorkerRequest>);
      return;
    }
    this.pending.delete(reply.id);
    clearTimeout(p.timer);
    if (p.head) p.resolve({ ...p.head, entries: p.entries });
    else p.reject(new Error('dataset worker sent no header'));
  }

  /** The worker cannot be used: every load waiting on it is done by the page instead. */
  private broken(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.retryAt = performance.now() + RETRY_WORKER_MS;
    worker.terminate();
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new WorkerUnavailable('dataset worker unavailable'));
    }
    this.pending.clear();
  }

  dispose(): void {
    if (this.worker) this.broken(this.worker);
  }
}
