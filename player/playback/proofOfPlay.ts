import type { Item } from '../../core/manifest/types.js';
import type { PlayRecord } from '../../core/protocol/events.js';
import type { ResolvedSlot } from '../../core/schedule/types.js';
import { randomHex } from '../sync/device.js';
import { EntryVisibility } from './visibility.js';

/**
 * One item on screen, from the moment it was ready (its fade-in began) until the next one was;
 * for a list board, which entries were visible and for how long.
 */
export class PlayInProgress {
  private visibility: EntryVisibility | null = null;
  readonly id = randomHex(16);

  constructor(
    private item: Item,
    private slot: ResolvedSlot,
    private startedAt: number,
    layer: Element | null,
  ) {
    if (item.kind === 'list-board' && layer && typeof IntersectionObserver === 'function') {
      this.visibility = new EntryVisibility(layer);
    }
  }

  finish(endedAt: number): PlayRecord {
    const entries = this.visibility?.finish();
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
