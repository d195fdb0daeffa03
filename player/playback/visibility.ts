/** A row counts as seen while at least this share of it is inside the viewport. */
export const VISIBLE_RATIO = 0.5;
const ROW = '[data-entry-id]';

interface Watched {
  entryId: string;
  /** Monotonic time the row became visible, or null while it is not. */
  since: number | null;
}

/**
 * How long each list entry was actually on screen, measured with IntersectionObserver on the
 * rows (`data-entry-id`) under `root`: virtualised rows come and go, so a MutationObserver
 * follows rows added, removed or re-used for another entry. Clipping by the board's
 * overflow and the stage's scaling are accounted for by the observer itself.
 */
export class EntryVisibility {
  private io: IntersectionObserver;
  private mo: MutationObserver;
  private rows = new Map<Element, Watched>();
  private totals = new Map<string, number>();

  constructor(
    root: Element,
    private mono: () => number = () => performance.now(),
  ) {
    this.io = new IntersectionObserver((entries) => this.onIntersect(entries), {
      threshold: [0, VISIBLE_RATIO, 1],
    });
    this.mo = new MutationObserver((records) => this.onMutate(records));
    this.mo.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-entry-id'],
    });
    for (const el of root.querySelectorAll(ROW)) this.watch(el);
  }

  private watch(el: Element): void {
    if (this.rows.has(el)) return;
    const entryId = el.getAttribute('data-entry-id');
    if (!entryId) return;
    this.rows.set(el, { entryId, since: null });
    this.io.observe(el);
  }

  private stop(w: Watched, at: number): void {
    if (w.since === null) return;
    this.totals.set(w.entryId, (this.totals.get(w.entryId) ?? 0) + (at - w.since));
    w.since = null;
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const at = this.mono();
    for (const e of entries) {
      const w = this.rows.get(e.target);
      if (!w) continue;
      const visible = e.isIntersecting && e.intersectionRatio >= VISIBLE_RATIO;
      if (visible && w.since === null) w.since = at;
      else if (!visible) this.stop(w, at);
    }
  }

  private onMutate(records: MutationRecord[]): void {
    const at = this.mono();
    for (const r of records) {
      if (r.type === 'attributes') {
        const w = this.rows.get(r.target as Element);
        const id = (r.target as Element).getAttribute('data-entry-id');
        if (w && id && id !== w.entryId) {
          // A virtualised row re-used for another entry: close the old one, count the new from now.
          const wasVisible = w.since !== null;
          this.stop(w, at);
          w.entryId = id;
          if (wasVisible) w.since = at;
        }
        continue;
      }
      for (const n of r.removedNodes) this.forEach(n, (el) => this.unwatch(el, at));
      for (const n of r.addedNodes) this.forEach(n, (el) => this.watch(el));
    }
  }

  private forEach(n: Node, fn: (el: Element) => void): void {
    if (!(n instanceof Element)) return;
    if (n.matches(ROW)) fn(n);
    for (const el of n.querySelectorAll(ROW)) fn(el);
  }

  private unwatch(el: Element, at: number): void {
    const w = this.rows.get(el);
    if (!w) return;
    this.stop(w, at);
    this.io.unobserve(el);
    this.rows.delete(el);
  }

  /** Entries counted so far (since the start or the last `cut`). */
  get size(): number {
    return this.totals.size;
  }

  /**
   * Each entry seen since the start or the last cut, and for how long; counting goes on, rows
   * visible now count from now in the next segment.
   */
  cut(): { entryId: string; visibleMs: number }[] {
    const at = this.mono();
    for (const w of this.rows.values()) {
      if (w.since === null) continue;
      this.stop(w, at);
      w.since = at;
    }
    const out = [...this.totals]
      .filter(([, ms]) => ms > 0)
      .map(([entryId, ms]) => ({ entryId, visibleMs: Math.round(ms) }));
    this.totals.clear();
    return out;
  }

  /** Stops observing; each entry seen since the last cut and for how many milliseconds in all. */
  finish(): { entryId: string; visibleMs: number }[] {
    const at = this.mono();
    for (const w of this.rows.values()) this.stop(w, at);
    this.io.disconnect();
    this.mo.disconnect();
    this.rows.clear();
    return this.cut();
  }
}
