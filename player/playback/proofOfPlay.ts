import type { Item } from '../../core/manifest/types.js';
import type { PlayRecord } from '../../core/protocol/events.js';
import type { ResolvedSlot } from '../../core/schedule/types.js';
import { randomHex } from '../sync/device.js';
import { EntryVisibility } from './visibility.js';

/** How a long play is cut into records. */
export interface SegmentLimits {
  /** A record covers at most this long (a power cut loses one segment at most). */
  maxMs: number;
  /** A list board's record names at most about this many entries (it must fit one message). */
  maxEntries: number;
  /** How often the limits are checked. */
  checkMs: number;
}

export const DEFAULT_SEGMENTS: SegmentLimits = { maxMs: 5 * 60_000, maxEntries: 2000, checkMs: 5000 };

/**
 * One item on screen, from the moment it was ready (its fade-in began) until the next one was;
 * for a list board, which entries were visible and for how long. A long play is recorded in
 * segments (each with its own id, back to back in time), so that a power cut loses little and a
 * 10,000-row board scrolling for an hour never makes a record too large to send: the evidence is
 * split, never cut short.
 */
export class PlayInProgress {
  private visibility: EntryVisibility | null = null;
  private id = randomHex(16);
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private item: Item,
    private slot: ResolvedSlot,
    private startedAt: number,
    layer: Element | null,
    private now: () => number,
    private emit: (record: PlayRecord) => void,
    private limits: SegmentLimits = DEFAULT_SEGMENTS,
  ) {
    if (item.kind === 'list-board' && layer && typeof IntersectionObserver === 'function') {
      this.visibility = new EntryVisibility(layer);
    }
    this.timer = setInterval(() => this.check(), limits.checkMs);
  }

  /** Emits the segment so far when it is long enough or names enough entries. */
  check(): void {
    const at = this.now();
    const full = (this.visibility?.size ?? 0) >= this.limits.maxEntries;
    if (!full && at - this.startedAt < this.limits.maxMs) return;
    this.emit(this.record(at, this.visibility?.cut()));
    this.id = randomHex(16);
    this.startedAt = Math.max(at, this.startedAt);
  }

  /** The last segment, ending at `endedAt`. */
  finish(endedAt: number): PlayRecord {
    clearInterval(this.timer);
    return this.record(endedAt, this.visibility?.finish());
  }

  private record(endedAt: number, entries: PlayRecord['entries']): PlayRecord {
    return {
      id: this.id,
      itemId: this.item.id,
      kind: this.item.kind,
      playlistId: this.slot.playlistId,
      ...(this.slot.campaignId ? { campaignId: this.slot.campaignId } : {}),
      startedAt: Math.round(this.startedAt),
      endedAt: Math.round(Math.max(endedAt, this.startedAt)),
      ...(entries ? { entries } : {}),
    };
  }
}
