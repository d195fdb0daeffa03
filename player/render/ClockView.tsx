import type { ClockItem } from '../../core/manifest/types.js';
import { useItemSignals, useReadyAfterLayout, useTimedRerender } from './hooks.js';
import { formatDateLine, formatTime, msUntilNextMinute } from './time.js';
import type { ItemViewProps } from './types.js';
import { isStrip, stripFontPx, unitStyle } from './units.js';
import './render.css';

/** Ticks at every minute of the trusted clock; the hook re-renders on the boundary. */
export function useMinuteClock(now: () => number, timezone: string): { date: string; time: string } {
  useTimedRerender(now, msUntilNextMinute);
  const t = now();
  return { date: formatDateLine(t, timezone), time: formatTime(t, timezone) };
}

/** A big date and time in the screen's timezone, e.g. "2026年11月27日 星期五" and "15:04". */
export function ClockView({ ctx, onReady, onError }: ItemViewProps<ClockItem>) {
  const signals = useItemSignals({ onReady, onError });
  useReadyAfterLayout(signals);
  const { date, time } = useMinuteClock(ctx.now, ctx.timezone);
  if (isStrip(ctx.canvas, ctx.layout)) {
    return (
      <div
        className="hc-clock hc-clock--strip"
        data-kind="clock"
        style={{ fontSize: stripFontPx(ctx.canvas) }}
      >
        <span className="hc-clock-date">{date}</span> <span className="hc-clock-time">{time}</span>
      </div>
    );
  }
  return (
    <div className="hc-clock" data-kind="clock" style={unitStyle(ctx.canvas)}>
      <div className="hc-clock-time" data-testid="clock-time">
        {time}
      </div>
      <div className="hc-clock-date" data-testid="clock-date">
        {date}
      </div>
      <div className="hc-clock-hall">{ctx.hall.name}</div>
    </div>
  );
}
