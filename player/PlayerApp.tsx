import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import type { Manifest } from '../core/manifest/types.js';
import { linkManifestFor, markStarted } from './boot/bootInfo.js';
import { IdentifyOverlay, InfoPanel, useInfoKey } from './overlay/Overlays.js';
import { PairingScreen } from './pairing/PairingScreen.js';
import { type Choice, choose } from './playback/choose.js';
import { PlaybackController } from './playback/controller.js';
import { QUIET_HOUR, useSoftReload } from './playback/softReload.js';
import { useStallWatchdog } from './playback/stallWatchdog.js';
import { Crossfade, Poster, Stage, stageOf } from './render/index.js';
import type { PlayerSync, SyncSnapshot } from './sync/playerSync.js';

/** The schedule is looked at this often; items change on their own boundaries within it. */
const TICK_MS = 250;

/** Re-renders on a timer so the schedule moves on without any event. */
function useTick(ms: number): void {
  const [, bump] = useReducer((x: number) => x + 1, 0);
  useEffect(() => {
    const id = setInterval(bump, ms);
    return () => clearInterval(id);
  }, [ms]);
}

/** The kiosk screen: nothing until the offline store answered, pairing until paired, then playback. */
export function PlayerApp({ sync }: { sync: PlayerSync }) {
  const snap = useSyncExternalStore(
    (fn) => sync.subscribe(fn),
    () => sync.snapshot,
  );
  useInfoKey(() => sync.set({ infoOpen: !sync.snapshot.infoOpen }));
  // The app runs: the boot script's message (player/boot/bootGuard.js) is not needed.
  useEffect(() => markStarted(), []);
  // While the cached manifest loads the page's background (index.html: the poster) shows.
  if (snap.phase === 'starting') return null;
  if (snap.phase === 'pairing') return <PairingScreen pairing={snap.pairing} error={snap.pairingError} />;
  if (!snap.manifest) {
    return (
      <div className="hc-stage-viewport">
        <Poster canvas={{ width: window.innerWidth, height: window.innerHeight }} />
      </div>
    );
  }
  return <Playback sync={sync} snap={snap} manifest={snap.manifest} />;
}

function safeChoose(
  sync: PlayerSync,
  snap: SyncSnapshot,
  manifest: Manifest,
  now: number,
  listsAllowed: boolean,
): Choice {
  try {
    return choose({ manifest, datasets: snap.datasets, failed: snap.failedDatasets, now, listsAllowed });
  } catch (err) {
    sync.reportError('schedule_failed', (err as Error).message);
    return { item: null, lists: [], slot: null, key: `poster:${manifest.revision}:schedule-failed` };
  }
}

/** A paired screen with a manifest: the schedule on the trusted clock, through the watchdog, into the Crossfade. */
function Playback({ sync, snap, manifest }: { sync: PlayerSync; snap: SyncSnapshot; manifest: Manifest }) {
  useTick(TICK_MS);
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const [ctl] = useState(() => new PlaybackController(sync, rerender));
  const [covered, setCovered] = useState(true);
  const flush = useCallback(() => ctl.flush(), [ctl]);
  const trustedNow = useCallback(() => sync.clock.now(), [sync]);
  useSoftReload(sync, manifest.timezone, manifest.player.reloadHour ?? QUIET_HOUR, flush);
  const renderedAt = useRef(performance.now());
  renderedAt.current = performance.now();
  useStallWatchdog(sync, manifest.player, flush, renderedAt);
  const { width, height } = manifest.canvas;
  useEffect(() => linkManifestFor({ width, height }), [width, height]);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);

  const now = sync.clock.now();
  // Lists fail closed: an untrusted clock, an older fallback manifest or a passed stale window hides them.
  const listsAllowed = sync.clock.trusted && !snap.degraded && now <= snap.listsValidUntil;
  const choice: Choice = snap.reloading
    ? { item: null, lists: [], slot: null, key: 'poster:reload' }
    : safeChoose(sync, snap, manifest, now, listsAllowed);
  const slot = ctl.slotFor(choice, { manifest, listsAllowed });
  const identify = now < snap.identifyUntil;
  const overlay =
    identify || snap.infoOpen ? (
      <>
        {identify ? <IdentifyOverlay name={manifest.screenName} /> : null}
        {snap.infoOpen ? (
          <InfoPanel snap={snap} now={now} trusted={sync.clock.trusted} listsAllowed={listsAllowed} />
        ) : null}
      </>
    ) : undefined;

  return (
    <>
      <Stage
        {...stageOf(manifest)}
        now={trustedNow}
        main={
          <Crossfade
            current={slot}
            onShown={(key) => {
              ctl.onShown(key, manifest);
              setCovered(false);
            }}
          />
        }
        overlay={overlay}
      />
      {/* The page's poster stays over the screen until the first item is ready: no empty frame. */}
      {covered ? <div className="hc-boot-cover" /> : null}
    </>
  );
}
