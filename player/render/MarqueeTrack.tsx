import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useRafLoop } from './hooks.js';

interface MarqueeTrackProps {
  /** Renders segment number `seq` (0, 1, 2 … for ever); segments follow each other on one line. */
  renderSegment: (seq: number) => ReactNode;
  /** Speed in px/s of the canvas (the Stage scales the canvas as a whole). */
  speed: number;
  /** Upper bound on segments in the DOM at once (a list marquee keeps its rows bounded with it). */
  maxSegments?: number;
  className?: string;
}

/**
 * A one-line band moving right to left, virtualised: only the segments crossing the band are
 * in the DOM. Moved with translate3d on every animation frame; a segment that has left on the
 * left is dropped and its width added to the offset, so nothing jumps. The right edge is kept
 * filled by adding segments while they are shorter than the band.
 */
export function MarqueeTrack({ renderSegment, speed, maxSegments = 12, className }: MarqueeTrackProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const [first, setFirst] = useState(0);
  const [count, setCount] = useState(Math.min(3, maxSegments));
  const motion = useRef({ t0: -1, shift: 0, x: 0, committed: 0, pendingWidth: 0, requested: false });

  useRafLoop((t) => {
    const box = boxRef.current;
    const track = trackRef.current;
    const m = motion.current;
    if (!box || !track || box.clientWidth === 0) return;
    if (m.t0 < 0) m.t0 = t;
    const width = box.clientWidth;
    m.x = width - (speed * (t - m.t0)) / 1000 + m.shift;
    track.style.transform = `translate3d(${m.x}px, 0, 0)`;
    if (m.requested) return;
    const head = track.firstElementChild as HTMLElement | null;
    const headWidth = head?.offsetWidth ?? 0;
    if (headWidth > 0 && m.x + headWidth < 0) {
      m.requested = true;
      m.pendingWidth = headWidth;
      setFirst(m.committed + 1);
    } else if (m.x + track.offsetWidth < width * 1.5 && count < maxSegments) {
      setCount(count + 1);
    }
  }, speed > 0);

  useLayoutEffect(() => {
    const m = motion.current;
    if (first === m.committed) return;
    m.committed = first;
    m.shift += m.pendingWidth;
    m.x += m.pendingWidth;
    m.requested = false;
    if (trackRef.current) trackRef.current.style.transform = `translate3d(${m.x}px, 0, 0)`;
  }, [first]);

  const seqs = Array.from({ length: count }, (_, i) => first + i);
  return (
    <div ref={boxRef} className={`hc-marquee ${className ?? ''}`}>
      <div ref={trackRef} className="hc-marquee-track">
        {seqs.map((seq) => (
          <div key={seq} className="hc-marquee-seg">
            {renderSegment(seq)}
          </div>
        ))}
      </div>
    </div>
  );
}
