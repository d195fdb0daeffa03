import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlayerApp } from './PlayerApp.js';
import { PlayerSync } from './sync/playerSync.js';

const sync = new PlayerSync();
void sync.start();
// Read-only state for a technician's console and the browser tests.
(window as Window & { __hallcastState?: () => unknown }).__hallcastState = () => ({
  now: sync.clock.now(),
  trusted: sync.clock.trusted,
  listsValidUntil: sync.snapshot.listsValidUntil,
  revision: sync.snapshot.manifest?.revision ?? null,
  connected: sync.snapshot.connected,
  degraded: sync.snapshot.degraded,
  source: sync.snapshot.source,
  sw: sync.snapshot.sw,
  datasetLoads: sync.datasetLoads,
});
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlayerApp sync={sync} />
  </StrictMode>,
);
