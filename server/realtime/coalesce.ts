/**
 * Collects ids and hands them over at most once per `everyMs`, in slices of `slice` per turn of
 * the event loop, so a change to ten thousand screens never blocks the loop in one go.
 */
export class Coalescer {
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  constructor(
    private everyMs: number,
    private flush: (ids: string[]) => void,
    private slice = 500,
  ) {}

  mark(id: string): void {
    if (this.closed) return;
    this.pending.add(id);
    this.timer ??= setTimeout(() => this.run(), this.everyMs);
  }

  private run(): void {
    this.timer = null;
    const ids = [...this.pending];
    this.pending.clear();
    const step = (from: number) => {
      if (this.closed) return;
      this.flush(ids.slice(from, from + this.slice));
      if (from + this.slice < ids.length) setImmediate(() => step(from + this.slice));
    };
    if (ids.length > 0) step(0);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
