import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';
import { useLatest } from './hooks.js';
import './render.css';

/**
 * What the main zone should show. A new `key` starts a transition; give a changed item a new
 * key (item id + manifest revision, say) so that a list that changed is rebuilt, not reused.
 */
export interface CrossfadeSlot {
  key: string;
  /** Renders the item; pass `ready` on as the view's `onReady`. */
  render: (ready: () => void) => ReactNode;
}

interface CrossfadeProps {
  current: CrossfadeSlot;
  /** Length of the fade-in of the incoming item over the outgoing one. */
  fadeMs?: number;
  /** The item `key` is on screen and the outgoing one has left the DOM (time to confirm a render). */
  onShown?: (key: string) => void;
}

const noop = () => {};

/**
 * Holds the item on screen and the incoming one. The incoming item mounts at opacity 0 (laid
 * out, decoding) above the current one; once it calls `ready` it fades in, and the outgoing
 * item is removed when the fade has ended, so there is never a blank frame between items. If
 * `current` changes again before `ready`, the pending item is dropped and the screen keeps what
 * it shows; the playback loop decides on timeouts (it gets `onError` from the view, moves on).
 *
 * Usage: `<Crossfade current={{ key, render: (ready) => <ItemView … onReady={ready} /> }} />`.
 * Layers carry `data-slot="current" | "incoming" | "leaving"` and `data-key` (the slot's key);
 * only "current" is what the screen shows. Callbacks of a layer that is leaving may still fire: the loop ignores stale keys.
 */
export function Crossfade({ current, fadeMs = 400, onShown }: CrossfadeProps) {
  const [shown, setShown] = useState<CrossfadeSlot | null>(null);
  const [leaving, setLeaving] = useState<CrossfadeSlot | null>(null);
  const currentRef = useLatest(current);
  const onShownRef = useLatest(onShown);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  /** The very first item has nothing under it to fade over: it appears at once. */
  const instantKey = useRef<string | null>(null);
  const layerEls = useRef(new Map<string, HTMLDivElement>());

  const ready = (key: string) => {
    const slot = currentRef.current;
    if (slot.key !== key || shownRef.current?.key === key) return;
    // An item ready in the frame it mounted has no computed transparent style yet: compute it,
    // so that the fade runs (and ends with transitionend) instead of a cut.
    const el = layerEls.current.get(key);
    if (el && typeof getComputedStyle === 'function') void getComputedStyle(el).opacity;
    instantKey.current = shownRef.current ? null : key;
    setLeaving(shownRef.current);
    setShown(slot);
  };
  const readyRef = useLatest(ready);

  useEffect(() => {
    if (!shown) return;
    if (!leaving) {
      onShownRef.current?.(shown.key);
      return;
    }
    // Normally the fade's transitionend removes it; this is the fallback (no transitions, hidden
    // page). It clears only the layer it was armed for: a newer switch may have made another leave.
    const armed = leaving;
    const timer = setTimeout(
      () => setLeaving((l) => (l === armed ? null : l)),
      fadeMs > 0 ? fadeMs * 2 + 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [shown, leaving, fadeMs, onShownRef]);

  const live = shown && current.key === shown.key ? current : shown;
  const incoming = current.key === shown?.key ? null : current;
  // The item leaving is wanted again (the next one failed while fading in): it stays opaque
  // under the fading one and comes back at once, it is ready already.
  const back = Boolean(leaving && incoming && leaving.key === incoming.key);
  useEffect(() => {
    if (back && incoming) readyRef.current(incoming.key);
  }, [back, incoming, readyRef]);
  const layers: Array<{ slot: CrossfadeSlot; role: 'leaving' | 'current' | 'incoming' }> = [];
  if (leaving && leaving.key !== live?.key && (back || leaving.key !== incoming?.key)) {
    layers.push({ slot: leaving, role: 'leaving' });
  }
  if (live) layers.push({ slot: live, role: 'current' });
  if (incoming && !back) layers.push({ slot: incoming, role: 'incoming' });

  return (
    <div className="hc-crossfade" style={{ '--fade-ms': `${fadeMs}ms` } as CSSProperties}>
      {layers.map(({ slot, role }) => (
        <div
          key={slot.key}
          className={`hc-layer hc-layer--${role}${slot.key === instantKey.current ? ' hc-layer--instant' : ''}`}
          data-slot={role}
          data-key={slot.key}
          aria-hidden={role !== 'current'}
          ref={(el) => {
            if (el) layerEls.current.set(slot.key, el);
            else layerEls.current.delete(slot.key);
          }}
          onTransitionEnd={(e) => {
            if (role !== 'current' || e.target !== e.currentTarget || e.propertyName !== 'opacity') return;
            // Only the fade of the item shown now ends the leaving one.
            if (shownRef.current?.key === slot.key) setLeaving(null);
          }}
        >
          {slot.render(role === 'incoming' ? () => ready(slot.key) : noop)}
        </div>
      ))}
    </div>
  );
}
