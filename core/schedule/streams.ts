// A stream is what one source (the lists, a campaign, the default) plays on one local day: its
// playlists' entries valid that day, in order, looping. Positions in a stream are "virtual" ms:
// the stream's own airtime since its anchor (the day start for the lists, the start of the run
// for a campaign or the default). An entry occurrence is [vStart, vEnd) in that airtime.
import type { Playlist } from './types.js';

export interface StreamEntry {
  itemId: string;
  playlistId: string;
  durationMs: number;
}

export interface Stream {
  entries: StreamEntry[];
  /** cum[i] = start of entry i within one loop; cum[n] = total. */
  cum: number[];
  total: number;
}

/** One entry occurrence at a virtual position. */
export interface EntryHit {
  index: number;
  vStart: number;
  vEnd: number;
}

/** Entries of the named playlists valid on `date` (validFrom/validUntil inclusive); null if none. */
export function buildStream(
  playlists: ReadonlyMap<string, Playlist>,
  playlistIds: readonly string[],
  date: string,
): Stream | null {
  const entries: StreamEntry[] = [];
  for (const playlistId of playlistIds) {
    const playlist = playlists.get(playlistId);
    if (!playlist) continue;
    for (const e of playlist.entries) {
      if (!(e.durationMs > 0) || !Number.isFinite(e.durationMs)) continue;
      if (e.validFrom !== undefined && date < e.validFrom) continue;
      if (e.validUntil !== undefined && date > e.validUntil) continue;
      entries.push({ itemId: e.itemId, playlistId, durationMs: e.durationMs });
    }
  }
  if (entries.length === 0) return null;
  const cum = [0];
  let total = 0;
  for (const e of entries) {
    total += e.durationMs;
    cum.push(total);
  }
  return { entries, cum, total };
}

/** Index i with cum[i] <= p < cum[i + 1], for p in [0, total). */
export function indexAt(stream: Stream, p: number): number {
  let lo = 0;
  let hi = stream.entries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((stream.cum[mid] as number) <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The entry occurrence playing at virtual position v (v >= 0). */
export function entryAt(stream: Stream, v: number): EntryHit {
  const loops = Math.floor(v / stream.total);
  const base = loops * stream.total;
  const index = indexAt(stream, v - base);
  const vStart = base + (stream.cum[index] as number);
  return { index, vStart, vEnd: vStart + (stream.entries[index] as StreamEntry).durationMs };
}

/**
 * Virtual position of the k-th entry boundary after the occurrence `hit` started (k = 1 is where
 * it ends). O(1): whole loops are skipped arithmetically.
 */
export function boundaryAfter(stream: Stream, hit: EntryHit, k: number): number {
  const n = stream.entries.length;
  const b = hit.index + k;
  const loopBase = hit.vStart - (stream.cum[hit.index] as number);
  return loopBase + Math.floor(b / n) * stream.total + (stream.cum[b % n] as number);
}
