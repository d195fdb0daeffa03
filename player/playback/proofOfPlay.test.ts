import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Item } from '../../core/manifest/types.js';
import type { PlayRecord } from '../../core/protocol/events.js';
import type { ResolvedSlot } from '../../core/schedule/types.js';
import { PlayInProgress } from './proofOfPlay.js';

/**
 * jsdom has no IntersectionObserver: this one lets the test say which rows are in view, the way
 * Chromium's would report them (isIntersecting with a ratio).
 */
class ViewportObserver {
  static all: ViewportObserver[] = [];
  private targets = new Set<Element>();
  constructor(private cb: (entries: IntersectionObserverEntry[]) => void) {
    ViewportObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  static show(ids: string[], visible: boolean) {
    for (const o of ViewportObserver.all) {
      const entries = [...o.targets]
        .filter((t) => ids.includes(t.getAttribute('data-entry-id') ?? ''))
        .map(
          (target) =>
            ({
              target,
              isIntersecting: visible,
              intersectionRatio: visible ? 1 : 0,
            }) as IntersectionObserverEntry,
        );
      if (entries.length) o.cb(entries);
    }
  }
}

const board = {
  id: 'board-1',
  name: '失信名单',
  kind: 'list-board',
  durationMs: 3_600_000,
  selector: { listType: 'black' },
  mode: 'scroll',
  rowsPerPage: 10,
  dwellSec: 8,
  fields: ['name'],
} as unknown as Item;
const slot = { playlistId: 'pl-1' } as ResolvedSlot;

let layer: HTMLElement;
let now = 0;
const clock = () => now;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance', 'setInterval', 'clearInterval'] });
  ViewportObserver.all = [];
  vi.stubGlobal('IntersectionObserver', ViewportObserver);
  layer = document.createElement('div');
  for (let i = 0; i < 6; i++) {
    const row = document.createElement('div');
    row.setAttribute('data-entry-id', `e${i}`);
    layer.append(row);
  }
  document.body.append(layer);
  now = 1_000_000;
});

afterEach(() => {
  layer.remove();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Moves both clocks a second at a time, so the interval's checks see the time they run at. */
const advance = (ms: number) => {
  for (let left = ms; left > 0; left -= 1000) {
    now += Math.min(1000, left);
    vi.advanceTimersByTime(Math.min(1000, left));
  }
};

const visibleTotals = (records: PlayRecord[]) => {
  const out = new Map<string, number>();
  for (const r of records)
    for (const e of r.entries ?? []) out.set(e.entryId, (out.get(e.entryId) ?? 0) + e.visibleMs);
  return Object.fromEntries(out);
};

describe('PlayInProgress', () => {
  it('records a long play in back-to-back segments, each with its own id, none lost', () => {
    const out: PlayRecord[] = [];
    const play = new PlayInProgress(board, slot, now, layer, clock, (r) => out.push(r), {
      maxMs: 60_000,
      maxEntries: 10_000,
      checkMs: 1000,
    });
    ViewportObserver.show(['e0', 'e1'], true);
    advance(150_000);
    out.push(play.finish(now));
    expect(out.map((r) => [r.startedAt - 1_000_000, r.endedAt - 1_000_000])).toEqual([
      [0, 60_000],
      [60_000, 120_000],
      [120_000, 150_000],
    ]);
    expect(new Set(out.map((r) => r.id)).size).toBe(3);
    // Rows visible across a cut count in both segments, and nothing twice.
    expect(visibleTotals(out)).toEqual({ e0: 150_000, e1: 150_000 });
    expect(out.every((r) => r.itemId === 'board-1' && r.playlistId === 'pl-1')).toBe(true);
  });

  it('cuts a segment when it names enough entries, so a big board never makes a record too large to send', () => {
    const out: PlayRecord[] = [];
    const play = new PlayInProgress(board, slot, now, layer, clock, (r) => out.push(r), {
      maxMs: 3_600_000,
      maxEntries: 3,
      checkMs: 1000,
    });
    for (const id of ['e0', 'e1', 'e2', 'e3', 'e4', 'e5']) {
      ViewportObserver.show([id], true);
      advance(2000);
      ViewportObserver.show([id], false);
    }
    out.push(play.finish(now));
    expect(out.length).toBeGreaterThanOrEqual(2);
    // At most the limit plus the rows that came into view since the last check.
    for (const r of out) expect(r.entries!.length).toBeLessThanOrEqual(4);
    expect(visibleTotals(out)).toEqual({ e0: 2000, e1: 2000, e2: 2000, e3: 2000, e4: 2000, e5: 2000 });
    for (let i = 1; i < out.length; i++) expect(out[i]!.startedAt).toBe(out[i - 1]!.endedAt);
  });

  it('emits nothing before the limits and stops checking once finished', () => {
    const out: PlayRecord[] = [];
    const play = new PlayInProgress(board, slot, now, layer, clock, (r) => out.push(r));
    advance(60_000);
    expect(out).toEqual([]);
    const last = play.finish(now);
    expect(last.endedAt - last.startedAt).toBe(60_000);
    advance(600_000);
    expect(out).toEqual([]);
  });
});
