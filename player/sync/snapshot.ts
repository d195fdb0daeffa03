import type { Dataset } from '../../core/credit/dataset.js';
import type { Manifest } from '../../core/manifest/types.js';
import type { PairRegistered } from '../../core/protocol/rest.js';
import type { SwState } from './serviceWorker.js';

export type SyncPhase = 'starting' | 'pairing' | 'connecting' | 'ready';

export interface SyncSnapshot {
  phase: SyncPhase;
  pairing: PairRegistered | null;
  pairingError: string | null;
  manifest: Manifest | null;
  datasets: Map<string, Dataset>;
  /** Datasets the manifest names that could not be loaded: their lists are hidden (fail closed). */
  failedDatasets: Set<string>;
  connected: boolean;
  listsValidUntil: number;
  /** The manifest is an older cached copy (the newest was unreadable): lists hidden until the server answers. */
  degraded: boolean;
  /** Where the manifest came from this session. */
  source: 'none' | 'cache' | 'server';
  sw: SwState;
  /** Trusted-clock instant until which the screen's name is shown large (identify). */
  identifyUntil: number;
  infoOpen: boolean;
  /** A reload is coming: the screen crossfades to the poster first (the page's first paint is one too). */
  reloading: boolean;
}
