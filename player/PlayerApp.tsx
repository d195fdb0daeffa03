import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { PairingScreen } from './pairing/PairingScreen.js';
import { choose } from './playback/choose.js';
import { Crossfade, type CrossfadeSlot, ItemView, Poster, Stage } from './render/index.js';
import type { PlayerSync } from './sync/playerSync.js';

/** Re-renders on a timer so the schedule moves on without any event. */
function useTick(ms: number): number {
  const [t, setT] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setT((x) => x + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
  return t;
}

/** The kiosk screen: pairing until paired, then the schedule, never a blank frame. */
export function PlayerApp({ sync }: { sync: PlayerSync }) {
  const snap = useSyncExternalStore(
    (fn) => sync.subscribe(fn),
    () => sync.snapshot,
  );
  useTick(500);
  const confirmed = useRef(0);
  const lastKey = useRef('');
  const { manifest } = snap;
  const now = sync.clock.now();
  const choice = useMemo(() => {
    if (!manifest) return null;
    try {
      const listsAllowed = sync.clock.trusted && now <= Math.max(snap.listsValidUntil, 0);
      return choose({ manifest, datasets: snap.datasets, failed: snap.failedDatasets, now, listsAllowed });
    } catch (err) {
      sync.reportError('schedule_failed', (err as Error).message);
      return null;
    }
  }, [manifest, snap, now, sync]);

  if (snap.phase === 'pairing' || snap.phase === 'starting') {
    return <PairingScreen pairing={snap.pairing} error={snap.pairingError} />;
  }
  if (!manifest || !choice) {
    return (
      <div className="hc-stage-viewport">
        <Poster canvas={{ width: window.innerWidth, height: window.innerHeight }} />
      </div>
    );
  }
  const ctx = {
    lists: choice.lists,
    mediaUrl: (hash: string) => `/media/${hash}`,
    now: () => sync.clock.now(),
    timezone: manifest.timezone,
    hall: manifest.hall,
    canvas: manifest.canvas,
    layout: manifest.layout,
  };
  const slot: CrossfadeSlot = {
    key: choice.key,
    render: (ready) =>
      choice.item ? (
        <ItemView
          item={choice.item}
          ctx={ctx}
          onReady={ready}
          onError={(code, message) => sync.reportError(code, message, choice.item?.id)}
        />
      ) : (
        <Poster
          canvas={manifest.canvas}
          layout={manifest.layout}
          hallName={manifest.hall.name}
          onReady={ready}
        />
      ),
  };
  return (
    <Stage
      layout={manifest.layout}
      canvas={manifest.canvas}
      hall={manifest.hall}
      timezone={manifest.timezone}
      now={() => sync.clock.now()}
      demo={manifest.demo}
      main={
        <Crossfade
          current={slot}
          onShown={(key) => {
            if (key !== lastKey.current) {
              lastKey.current = key;
              sync.reportState(choice.item?.id ?? null, choice.item?.kind ?? null);
            }
            if (confirmed.current !== manifest.revision && key.includes(`:${manifest.revision}`)) {
              confirmed.current = manifest.revision;
              sync.confirmRendered(manifest.revision);
            }
          }}
        />
      }
    />
  );
}
