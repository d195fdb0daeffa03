import type { PlayRecord } from '../../core/protocol/events.js';
import type { Idb } from './idb.js';

/** At most this many records wait in the buffer; past it the oldest half is aggregated. */
export const PLAYS_LIMIT = 5000;
const HOUR = 3_600_000;

/**
 * Aggregates records: one per item, playlist and campaign and hour, spanning the first start to
 * the last end, with each entry's visible time summed. The aggregate keeps the first record's id
 * with an `a-` prefix, so resending it after a crash is still idempotent.
 */
export function aggregate(records: PlayRecord[]): PlayRecord[] {
  const groups = new Map<string, PlayRecord>();
  for (const r of [...records].sort((a, b) => a.startedAt - b.startedAt)) {
    const key = [r.itemId, r.playlistId, r.campaignId ?? '', r.kind, Math.floor(r.startedAt / HOUR)].join(
      '|',
    );
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { ...r, id: r.id.startsWith('a-') ? r.id : `a-${r.id}`.slice(0, 64) });
      continue;
    }
    g.endedAt = Math.max(g.endedAt, r.endedAt);
    if (r.entries) {
      const sums = new Map((g.entries ?? []).map((e) => [e.entryId, e.visibleMs]));
      for (const e of r.entries) sums.set(e.entryId, (sums.get(e.entryId) ?? 0) + e.visibleMs);
      g.entries = [...sums].map(([entryId, visibleMs]) => ({ entryId, visibleMs }));
    }
  }
  return [...groups.values()];
}

/**
 * Proof-of-play records waiting to be sent: in IndexedDB when there is one (they survive a
 * restart while offline), else in memory. Bounded: when full, the oldest half is aggregated.
 */
export class PlaysBuffer {
  private memory = new Map<string, PlayRecord>();
  constructor(
    private db: Idb | null,
    private limit = PLAYS_LIMIT,
  ) {}

  private async all(): Promise<PlayRecord[]> {
    const list = this.db ? await this.db.getAll<PlayRecord>('plays') : [...this.memory.values()];
    return list.sort((a, b) => a.startedAt - b.startedAt);
  }

  private async write(puts: PlayRecord[], deletes: string[]): Promise<void> {
    if (this.db) {
      await this.db.batch(
        'plays',
        puts.map((p) => [p.id, p]),
        deletes,
      );
      return;
    }
    for (const id of deletes) this.memory.delete(id);
    for (const p of puts) this.memory.set(p.id, p);
  }

  async add(record: PlayRecord): Promise<void> {
    await this.write([record], []);
    const n = this.db ? await this.db.count('plays') : this.memory.size;
    if (n > this.limit) await this.compact();
  }

  /** Aggregates the oldest half of the buffer. */
  async compact(): Promise<void> {
    const all = await this.all();
    const oldest = all.slice(0, Math.ceil(all.length / 2));
    await this.write(
      aggregate(oldest),
      oldest.map((r) => r.id),
    );
  }

  /** The oldest records, at most `max` (the server takes 500 per event). */
  async batch(max = 500): Promise<PlayRecord[]> {
    return (await this.all()).slice(0, max);
  }

  async remove(ids: string[]): Promise<void> {
    await this.write([], ids);
  }

  async size(): Promise<number> {
    return this.db ? this.db.count('plays') : this.memory.size;
  }
}
