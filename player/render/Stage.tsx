import { memo, type ReactNode, useRef } from 'react';
import type { Canvas, Layout, Manifest } from '../../core/manifest/types.js';
import { useMinuteClock } from './ClockView.js';
import { useElementSize } from './hooks.js';
import { stripFontPx, unitStyle } from './units.js';
import './render.css';

export interface StageProps {
  layout: Layout;
  canvas: Canvas;
  hall: { name: string; repairWindowText: string };
  timezone: string;
  now: () => number;
  demo: boolean;
  /** The main zone's content, usually a <Crossfade>. */
  main: ReactNode;
  /** A band under the main zone (a <TickerView>); not shown on an LED strip. */
  ticker?: ReactNode;
  /** Drawn above everything (identify, info panel). */
  overlay?: ReactNode;
}

/** The Stage props a manifest gives (the player, the admin preview and the live mirror draw alike). */
export function stageOf(m: Manifest): Pick<StageProps, 'layout' | 'canvas' | 'hall' | 'timezone' | 'demo'> {
  return { layout: m.layout, canvas: m.canvas, hall: m.hall, timezone: m.timezone, demo: m.demo };
}

/**
 * A whole screen: a canvas of exactly `canvas` pixels, scaled as one piece to fit its container
 * (the kiosk window, an admin preview tile) and centred. Landscape, portrait and custom sizes
 * stack a header (hall name; date and time in the screen's timezone), the main zone and an
 * optional ticker band, all sized from the canvas' short side; an LED strip has only the main
 * zone, one line high. The container must have a size (e.g. 100vw × 100vh).
 */
export function Stage({ layout, canvas, hall, timezone, now, demo, main, ticker, overlay }: StageProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const box = useElementSize(viewportRef, canvas);
  const scale = Math.min(box.width / canvas.width, box.height / canvas.height);
  const left = (box.width - canvas.width * scale) / 2;
  const top = (box.height - canvas.height * scale) / 2;
  const strip = layout === 'led-strip';
  const style = {
    ...unitStyle(canvas, strip ? { fontSize: `${stripFontPx(canvas)}px` } : undefined),
    width: canvas.width,
    height: canvas.height,
    transform: `translate(${left}px, ${top}px) scale(${scale})`,
  };
  return (
    <div ref={viewportRef} className="hc-stage-viewport">
      <div className={`hc-stage hc-stage--${layout}`} data-layout={layout} style={style}>
        {strip ? null : <StageHeader hall={hall.name} timezone={timezone} now={now} demo={demo} />}
        {strip && demo ? <span className="hc-demo-mark">演示</span> : null}
        <main className="hc-main-zone" data-testid="main-zone">
          {main}
        </main>
        {ticker && !strip ? <div className="hc-stage-ticker">{ticker}</div> : null}
        {overlay ? <div className="hc-stage-overlay">{overlay}</div> : null}
      </div>
    </div>
  );
}

/**
 * Re-renders once a minute on its own, so the main zone is not re-rendered with the clock; memoised
 * so that a parent re-rendering (the player's schedule tick) does not redo its time-zone maths.
 */
const StageHeader = memo(function StageHeader(props: {
  hall: string;
  timezone: string;
  now: () => number;
  demo: boolean;
}) {
  const { date, time } = useMinuteClock(props.now, props.timezone);
  return (
    <header className="hc-stage-head">
      <div className="hc-stage-hall">
        <span className="hc-stage-hall-name">{props.hall}</span>
        {props.demo ? (
          <span className="hc-demo-mark" title="本屏展示的是演示数据">
            演示数据
          </span>
        ) : null}
      </div>
      <div className="hc-stage-when">
        <span className="hc-stage-date">{date}</span>
        <span className="hc-stage-time">{time}</span>
      </div>
    </header>
  );
});
