import type { Db } from './db.js';

interface Job {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Runs the small writes that acks cause (received, rendered) together: everything queued in one
 * turn of the event loop commits in one SQLite transaction. A commit costs far more than an
 * UPDATE, so a publish to thousands of screens no longer pays one per ack. The promise resolves
 * after the commit, so an ack answered after it still means "recorded".
 */
export class WriteBatch {
  private queue: Job[] = [];
  private scheduled = false;
  constructor(private db: Db) {}

  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const jobs = this.queue;
    this.queue = [];
    this.scheduled = false;
    const results: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const job of jobs) {
          try {
            results.push({ ok: true, value: job.fn() });
          } catch (err) {
            results.push({ ok: false, err });
          }
        }
      })();
    } catch (err) {
      for (const job of jobs) job.reject(err);
      return;
    }
    jobs.forEach((job, i) => {
      const r = results[i]!;
      if (r.ok) job.resolve(r.value);
      else job.reject(r.err);
    });
  }
}
