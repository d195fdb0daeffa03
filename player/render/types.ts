import type { Dataset } from '../../core/credit/dataset.js';
import type { Canvas, Item, Layout } from '../../core/manifest/types.js';

/** What every renderer needs, passed in as props so the player, the preview and the mirror share them. */
export interface RenderContext {
  /** Datasets already resolved for this item's selector; masked values only. */
  lists: Dataset[];
  /** URL of a media file by its sha256; an empty string means the media is not available. */
  mediaUrl(hash: string): string;
  /** The player's trusted clock, UTC epoch ms. */
  now(): number;
  /** IANA zone of the screen, e.g. Asia/Shanghai; dates are never taken in the host's zone. */
  timezone: string;
  hall: { name: string; repairWindowText: string };
  /** The screen's canvas in pixels; type sizes derive from it. */
  canvas: Canvas;
  /** The screen's layout when known; without it a very flat canvas is treated as an LED strip. */
  layout?: Layout;
}

/** Stable codes a renderer reports when it cannot show an item; the player skips it and reports. */
export type RenderErrorCode = 'unknown-kind' | 'media-missing' | 'media-error' | 'decode-failed';

export interface ItemCallbacks {
  /** Called once, when the item can be shown without a blank frame. */
  onReady?: () => void;
  /** Called when a video that plays to its end has ended. */
  onEnded?: () => void;
  /** Called once when the item cannot be rendered. */
  onError?: (code: RenderErrorCode, message: string) => void;
}

export interface ItemViewProps<I extends Item = Item> extends ItemCallbacks {
  item: I;
  ctx: RenderContext;
}
