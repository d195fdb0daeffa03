import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlayerApp } from './PlayerApp.js';
import { PlayerSync } from './sync/playerSync.js';

const sync = new PlayerSync();
void sync.start();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlayerApp sync={sync} />
  </StrictMode>,
);
