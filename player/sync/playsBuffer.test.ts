import { describe, expect, it } from 'vitest';
import type { PlayRecord } from '../../core/protocol/events.js';
import { fitBatch } from './connection.js';
import { Idb } from './idb.js';
import { aggregate, PlaysBuffer } from './playsBuffer.js';

const H = 3_600_000;
const base = Date.UTC(2026, 10, 27, 1, 0);

function play(i: number, over: Partial<PlayRecord> = {}): PlayRecord {
  return {
    id: `p${String(i).padStart(8, '0')}`,
    itemId: i % 2 ? 'board' : 'poster',
    kind: i % 2 ? 'list-board' : 'image',
    playlistId: 'pl',
    startedAt: base + i * 10_000,
    endedAt: base + i * 10_000 + 9000,
    ...(i % 2 ? { entries: [{ entryId: 'e1', visibleMs: 4000 }] } : {}),
    ...over,
  };
}

describe('proof-of-play buffer', () => {
  it('aggregates per item and hour, summing each entry’s visible time', () => {
    const out = aggregate([
      play(1),
      play(2),
      play(3),
      play(5, { startedAt: base + H + 1, endedAt: base + H + 2 }),
    ]);
    const board = out.filter((r) => r.itemId === 'board');
    expect(board).toHaveLength(2);
    expect(board[0]).toMatchObject({ id: 'a-p00000001', startedAt: base + 10_000, endedAt: base + 39_000 });
    expect(board[0]!.entries).toEqual([{ entryId: 'e1', visibleMs: 8000 }]);
    expect(out.filter((r) => r.itemId === 'poster')).toHaveLength(1);
  });

  it('keeps records in IndexedDB, oldest first, and stays bounded by aggregating the oldest', async () => {
    const db = await Idb.open(`plays-test-${Math.random()}`);
    const buffer = new PlaysBuffer(db, 20);
    for (let i = 1; i <= 25; i++) await buffer.add(play(i));
    expect(await buffer.size()).toBeLessThanOrEqual(20);
    const batch = await buffer.batch(500);
    expect(batch[0]!.id.startsWith('a-')).toBe(true);
    expect(batch.at(-1)!.id).toBe('p00000025');
    // Every second of play is still accounted for in the aggregate.
    const visible = batch.flatMap((r) => r.entries ?? []).reduce((n, e) => n + e.visibleMs, 0);
    expect(visible).toBe(13 * 4000);
    await buffer.remove(batch.slice(0, 3).map((r) => r.id));
    expect(await buffer.size()).toBe(batch.length - 3);
  });

  it('sends batches that fit one socket message, trimming a record too large to ever fit', () => {
    const huge = play(1, {
      entries: Array.from({ length: 20_000 }, (_, i) => ({
        entryId: `entry-${i}-${'x'.repeat(20)}`,
        visibleMs: i,
      })),
    });
    const batch = fitBatch([huge, play(2), play(3)]);
    expect(JSON.stringify(batch).length).toBeLessThanOrEqual(256_000);
    expect(batch[0]!.entries![0]!.visibleMs).toBe(19_999);
    expect(batch[0]!.entries!.length).toBeGreaterThan(1000);
    expect(fitBatch([play(2), play(3)])).toHaveLength(2);
  });
});
