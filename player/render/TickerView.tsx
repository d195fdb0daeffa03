import type { TickerItem } from '../../core/manifest/types.js';
import { useItemSignals, useReadyAfterLayout } from './hooks.js';
import { MarqueeTrack } from './MarqueeTrack.js';
import type { ItemViewProps } from './types.js';
import { isStrip, stripFontPx, unitOf } from './units.js';
import './render.css';

/** Ticker type size on a 1080-line canvas; `item.speed` is given for this size. */
const TICKER_FONT_AT_1080 = 46;

/**
 * A one-line band scrolling right to left, the text repeated. The item's speed (px/s on a
 * 1080-line canvas) is scaled with the type, so reading pace is the same on a 4K wall and on
 * a 32-pixel LED strip.
 */
export function TickerView({ item, ctx, onReady, onError }: ItemViewProps<TickerItem>) {
  const signals = useItemSignals({ onReady, onError });
  useReadyAfterLayout(signals);
  const strip = isStrip(ctx.canvas, ctx.layout);
  const fontPx = strip ? stripFontPx(ctx.canvas) : Math.round(unitOf(ctx.canvas) * TICKER_FONT_AT_1080);
  const speed = (item.speed * fontPx) / TICKER_FONT_AT_1080;
  return (
    <div className="hc-ticker" data-kind="ticker" style={{ fontSize: fontPx }}>
      <MarqueeTrack speed={speed} renderSegment={() => <span className="hc-ticker-text">{item.text}</span>} />
    </div>
  );
}
