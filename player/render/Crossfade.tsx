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

  const ready = (key: string) => {
    const slot = currentRef.current;
    if (slot.key !== key || shownRef.current?.key === key) return;
    instantKey.current = shownRef.current ? null : key;
    setLeaving(shownRef.current);
    setShown(slot);
  };

  useEffect(() => {
    if (!shown) return;
    if (!leaving) {
      onShownRef.current?.(shown.key);
      return;
    }
    // Normally the fade's transitionend removes it; this is the fallback (no transitions, hidden page).
    const timer = setTimeout(() => setLeaving(null), fadeMs > 0 ? fadeMs * 2 + 250 : 0);
    return () => clearTimeout(timer);
  }, [shown, leaving, fadeMs, onShownRef]);

  const live = shown && current.key === shown.key ? current : shown;
  const incoming = current.key === shown?.key ? null : current;
  const layers: Array<{ slot: CrossfadeSlot; role: 'leaving' | 'current' | 'incoming' }> = [];
  if (leaving && leaving.key !== live?.key && leaving.key !== incoming?.key) {
    layers.push({ slot: leaving, role: 'leaving' });
  }
  if (live) layers.push({ slot: live, role: 'current' });
  if (incoming) layers.push({ slot: incoming, role: 'incoming' });

  return (
    <div className="hc-crossfade" style={{ '--fade-ms': `${fadeMs}ms` } as CSSProperties}>
      {layers.map(({ slot, role }) => (
        <div
          key={slot.key}
          className={`hc-layer hc-layer--${role}${slot.key === instantKey.current ? ' hc-layer--instant' : ''}`}
          data-slot={role}
          data-key={slot.key}
          aria-hidden={role !== 'current'}
          onTransitionEnd={(e) => {
            if (role === 'current' && e.target === e.currentTarget && e.propertyName === 'opacity')
              setLeaving(null);
          }}
        >
          {slot.render(role === 'incoming' ? () => ready(slot.key) : noop)}
        </div>
      ))}
    </div>
  );
}
