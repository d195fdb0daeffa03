import { type RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ItemCallbacks, RenderErrorCode } from './types.js';

/** A ref that always holds the latest value, so effects need not re-run when callbacks change. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

export interface ItemSignals {
  ready(): void;
  ended(): void;
  error(code: RenderErrorCode, message: string): void;
}

/**
 * Stable wrappers around an item's callbacks: ready and error each fire at most once, and an
 * item that failed is never reported ready (a video may still fail after it was ready).
 */
export function useItemSignals(callbacks: ItemCallbacks): ItemSignals {
  const latest = useLatest(callbacks);
  const state = useRef({ ready: false, failed: false });
  return useMemo(
    () => ({
      ready() {
        if (state.current.ready || state.current.failed) return;
        state.current.ready = true;
        latest.current.onReady?.();
      },
      ended() {
        if (!state.current.failed) latest.current.onEnded?.();
      },
      error(code, message) {
        if (state.current.failed) return;
        state.current.failed = true;
        latest.current.onError?.(code, message);
      },
    }),
    [latest],
  );
}

/** Reports ready after the first layout (and once fonts are loaded, where the browser tells). */
export function useReadyAfterLayout(signals: ItemSignals): void {
  useEffect(() => {
    let cancelled = false;
    const fonts = (document as Document & { fonts?: FontFaceSet }).fonts;
    if (!fonts) {
      signals.ready();
      return;
    }
    fonts.ready.then(
      () => !cancelled && signals.ready(),
      () => !cancelled && signals.ready(),
    );
    return () => {
      cancelled = true;
    };
  }, [signals]);
}

/**
 * Re-renders when the clock crosses the next boundary `nextDelay(now)` names (a page turn,
 * midnight, a minute), so what is shown is always a function of `now()`.
 */
export function useTimedRerender(now: () => number, nextDelay: (t: number) => number): number {
  const [tick, setTick] = useState(0);
  const delayRef = useLatest(nextDelay);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const delay = Math.min(Math.max(delayRef.current(now()), 20) + 15, 2_000_000_000);
      timer = setTimeout(() => {
        setTick((n) => n + 1);
        arm();
      }, delay);
    };
    arm();
    return () => clearTimeout(timer);
  }, [now, delayRef]);
  return tick;
}

/** Calls `frame(ms)` on every animation frame with a monotonic time; not tied to the trusted clock. */
export function useRafLoop(frame: (t: number) => void, active: boolean): void {
  const latest = useLatest(frame);
  useEffect(() => {
    if (!active || typeof requestAnimationFrame !== 'function') return;
    let id = 0;
    const step = (t: number) => {
      latest.current(t);
      id = requestAnimationFrame(step);
    };
    id = requestAnimationFrame(step);
    return () => cancelAnimationFrame(id);
  }, [active, latest]);
}

/** The element's content size, followed with ResizeObserver; `fallback` where layout is unknown. */
export function useElementSize(
  ref: RefObject<HTMLElement | null>,
  fallback: { width: number; height: number },
): { width: number; height: number } {
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const width = el.clientWidth;
      const height = el.clientHeight;
      if (width > 0 && height > 0) {
        setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
      }
    };
    read();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
