import type { Clock } from '../../clock.js';

/** A sliding-window counter per key, in memory (one per purpose, one per server). */
export class RateLimiter {
  private hits = new Map<string, number[]>();
  constructor(
    private clock: Clock,
    private max: number,
    private windowMs: number,
  ) {}

  /** Counts a hit; returns seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const now = this.clock.now();
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length >= this.max) {
      this.hits.set(key, list);
      return Math.max(1, Math.ceil((list[0]! + this.windowMs - now) / 1000));
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [k, v] of this.hits) if (v.every((t) => t <= now - this.windowMs)) this.hits.delete(k);
  }
}
