import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/credit/dataset.js';
import { timeline } from '../../core/schedule/index.js';
import { dataset, entry } from '../render/testFixtures.js';
import { manifestFixture } from '../sync/testManifest.js';
import { choose, hiddenBoards, withoutBoards } from './choose.js';

const m = manifestFixture();
const loaded = new Map<string, Dataset>([
  ['a'.repeat(64), dataset('red', [entry('r1')])],
  ['b'.repeat(64), dataset('black', [entry('b1')])],
]);
const start = Date.UTC(2026, 10, 27, 1, 0);
/** The items chosen every 5 s over an hour. */
function kinds(input: Partial<Parameters<typeof choose>[0]>): string[] {
  const out: string[] = [];
  for (let t = start; t < start + 3_600_000; t += 5000) {
    out.push(
      choose({ manifest: m, datasets: loaded, failed: new Set(), now: t, listsAllowed: true, ...input }).item
        ?.id ?? 'poster',
    );
  }
  return out;
}

describe('choose', () => {
  it('plays the lists and the default playlist by the schedule', () => {
    const seen = new Set(kinds({}));
    expect(seen).toEqual(new Set(['red', 'black', 'notice', 'image']));
  });

  it('gives the lists airtime to campaign content when lists may not show (stale window, untrusted clock)', () => {
    const out = kinds({ listsAllowed: false });
    expect(new Set(out)).toEqual(new Set(['notice', 'image']));
  });

  it('hides only the board whose dataset failed; the other list keeps its share', () => {
    const out = kinds({ failed: new Set(['b'.repeat(64)]) });
    expect(out).not.toContain('black');
    expect(out).toContain('red');
    expect(out).not.toContain('poster');
  });

  it('hides a board whose dataset is not loaded (never an older version)', () => {
    const only = new Map([['a'.repeat(64), loaded.get('a'.repeat(64))!]]);
    expect(
      hiddenBoards({ manifest: m, datasets: only, failed: new Set(), now: start, listsAllowed: true }),
    ).toEqual(new Set(['black']));
  });

  it('derives one schedule object per hidden set, so the compiled schedule is reused', () => {
    const hidden = new Set(['red', 'black']);
    expect(withoutBoards(m.schedule, hidden)).toBe(withoutBoards(m.schedule, new Set(['black', 'red'])));
    expect(withoutBoards(m.schedule, new Set())).toBe(m.schedule);
    const slots = timeline(
      withoutBoards(m.schedule, hidden),
      { id: m.screenId, timezone: m.timezone },
      start,
      start + 600_000,
    );
    expect(slots.every((s) => s.itemId === 'notice' || s.itemId === 'image')).toBe(true);
  });

  it('shows the poster when nothing can play', () => {
    const empty = manifestFixture({
      schedule: { ...m.schedule, playlists: m.schedule.playlists.map((p) => ({ ...p, entries: [] })) },
    });
    expect(
      choose({ manifest: empty, datasets: loaded, failed: new Set(), now: start, listsAllowed: true }),
    ).toMatchObject({
      item: null,
      hidden: 'nothing-scheduled',
    });
  });
});
