import { afterAll, describe, expect, it } from 'vitest';
import type { PlayRecord } from '../../../core/protocol/events.js';
import { ManualClock } from '../../clock.js';
import { pairScreen, startTestServer, type TestServer, until } from '../../test/harness.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 4, 2, 0, 0);
let t: TestServer | undefined;
afterAll(() => t?.close());

const play = (i: number, endedAt: number): PlayRecord => ({
  id: `play-${String(i).padStart(6, '0')}`,
  itemId: 'item-1',
  kind: 'image',
  playlistId: 'pl-1',
  startedAt: endedAt - 10_000,
  endedAt,
});

describe('retention of proof of play', () => {
  it('keeps plays for HALLCAST_PLAY_RETENTION_DAYS (longer than any publication period) and purges older ones in slices', async () => {
    const clock = new ManualClock(NOW);
    t = await startTestServer({ retentionCheckMs: 50, playRetentionDays: 2000 }, clock);
    const { screenId } = await pairScreen(t, '保留期测试屏');
    const count = () => (t!.hc.db.prepare('SELECT count(*) AS n FROM plays').get() as { n: number }).n;
    const before = count();
    // Five years ago (the longest publication period): kept. Six years ago: past the retention.
    const kept = Array.from({ length: 30 }, (_, i) => play(i, NOW - 5 * 365 * DAY + i));
    const old = Array.from({ length: 12_345 }, (_, i) => play(100_000 + i, NOW - 6 * 365 * DAY + i));
    t.hc.stores.plays.insertMany(screenId, [...kept, ...old]);
    expect(count()).toBe(before + kept.length + old.length);
    await until(() => count() === before + kept.length, 10_000);
    const ids = t.hc.db.prepare('SELECT id FROM plays WHERE id LIKE ?').all('play-%') as { id: string }[];
    expect(ids.map((r) => r.id).sort()).toEqual(kept.map((p) => p.id));
  });

  it('purges a slice at a time, yielding between slices', async () => {
    const s = t!.hc.services;
    t!.hc.stores.plays.insertMany(
      (t!.hc.db.prepare('SELECT id FROM screens LIMIT 1').get() as { id: string }).id,
      // Inside the job's retention (so the job leaves them), older than this call's cutoff.
      Array.from({ length: 25 }, (_, i) => play(200_000 + i, NOW - 4 * 365 * DAY - i)),
    );
    const cutoff = NOW - 4 * 365 * DAY + 1;
    const due = (
      t!.hc.db.prepare('SELECT count(*) AS n FROM plays WHERE ended_at < ?').get(cutoff) as { n: number }
    ).n;
    expect(due).toBeGreaterThanOrEqual(25);
    // Another task on the event loop runs between the slices (it re-queues itself each turn).
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const n = await s.plays.purge(cutoff, 10);
    done = true;
    expect(n).toBe(due);
    expect(
      (t!.hc.db.prepare('SELECT count(*) AS n FROM plays WHERE ended_at < ?').get(cutoff) as { n: number }).n,
    ).toBe(0);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(due / 10));
  });
});
