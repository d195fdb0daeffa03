import type { Manifest } from '../../../core/manifest/types.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { ConvergenceStore } from '../../store/convergenceStore.js';
import { type ProgramStore, snapshotOf } from '../../store/programStore.js';
import type { Screen } from '../../store/screenStore.js';
import type { ManifestService } from './manifestService.js';

const HOUR = 3_600_000;

interface Entry {
  manifest: Manifest;
  builtAt: number;
  bytes?: number;
}

type Deps = {
  changes: Pick<ConvergenceStore, 'latestSeq'>;
  programs: Pick<ProgramStore, 'liveCampaigns' | 'activeEmergencies'>;
  clock: Clock;
  config: Pick<Config, 'manifestCacheMs' | 'staleAfterMs'>;
};

/**
 * Reuses one manifest build for screens with identical inputs — same hall, group, layout and
 * canvas, and not named one by one by a campaign or emergency — until the next change is
 * recorded (or `manifestCacheMs` passes). Each screen still gets its own screenId, name,
 * revision and times. A preview (`at` given) is always built fresh.
 */
export function cacheManifests(inner: ManifestService, d: Deps) {
  const entries = new Map<string, Entry>();
  let seq = -1;
  let named = new Set<string>();

  function namedScreens(now: number): Set<string> {
    const ids = new Set<string>();
    for (const row of d.programs.liveCampaigns()) {
      for (const id of snapshotOf(row)?.campaign.targets.screenIds ?? []) ids.add(id);
    }
    for (const e of d.programs.activeEmergencies(now - HOUR))
      for (const id of e.targets.screenIds) ids.add(id);
    return ids;
  }

  function entryFor(screen: Screen): Entry {
    const now = d.clock.now();
    const latest = d.changes.latestSeq();
    if (latest !== seq) {
      seq = latest;
      entries.clear();
      named = namedScreens(now);
    }
    const own = named.has(screen.id) ? screen.id : '';
    const key = `${screen.hallId}|${screen.groupId ?? ''}|${screen.layout}|${screen.width}x${screen.height}|${own}`;
    const hit = entries.get(key);
    if (hit && now - hit.builtAt < d.config.manifestCacheMs) return hit;
    const entry = { manifest: inner.build(screen), builtAt: now };
    entries.set(key, entry);
    return entry;
  }

  function personalise(base: Manifest, screen: Screen): Manifest {
    const now = d.clock.now();
    return {
      ...base,
      screenId: screen.id,
      screenName: screen.name,
      revision: screen.revision,
      issuedAt: now,
      serverTime: now,
      listsValidUntil: now + d.config.staleAfterMs,
    };
  }

  return {
    build(screen: Screen, at?: number): Manifest {
      if (at !== undefined) return inner.build(screen, at);
      return personalise(entryFor(screen).manifest, screen);
    },
    /** The manifest and (about) its JSON size, measured once per shared build. */
    buildSized(screen: Screen): { manifest: Manifest; bytes: number } {
      const entry = entryFor(screen);
      entry.bytes ??= Buffer.byteLength(JSON.stringify(entry.manifest)) + screen.name.length * 3;
      return { manifest: personalise(entry.manifest, screen), bytes: entry.bytes };
    },
  };
}
export type CachedManifestService = ReturnType<typeof cacheManifests>;
