/**
 * When the user last pressed a key, clicked, scrolled or touched the page. Every request tells
 * the server how long ago that was (IDLE_HEADER), so a page's periodic refresh or live view does
 * not keep an idle session alive (等保: the session ends after the idle limit).
 */
let lastInput = performance.now();
const INPUTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export const idleMs = (): number => Math.max(0, Math.round(performance.now() - lastInput));

/** Starts listening for input; `onActive` runs on each. Returns the stop function. */
export function trackActivity(onActive: () => void = () => undefined): () => void {
  const seen = () => {
    lastInput = performance.now();
    onActive();
  };
  for (const type of INPUTS) window.addEventListener(type, seen, { capture: true, passive: true });
  return () => {
    for (const type of INPUTS) window.removeEventListener(type, seen, { capture: true });
  };
}
