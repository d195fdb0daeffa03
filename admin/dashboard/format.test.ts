import { describe, expect, it } from 'vitest';
import type { ChangeProgress, ScreenStatus } from '../../core/protocol/events.js';
import { upsertChange } from '../lib/liveWriters.js';
import { formatMs, healthOf, progressText } from './format.js';

const progress = (p: Partial<ChangeProgress>): ChangeProgress => ({
  changeId: 'c',
  kind: 'publish',
  summary: '',
  createdAt: 0,
  total: 40,
  received: 40,
  rendered: 37,
  offline: 2,
  timedOut: 1,
  ...p,
});

describe('dashboard wording', () => {
  it('says how far a change has reached, as the credit office reads it', () => {
    expect(progressText(progress({}))).toBe('37/40 已生效 · 2 离线 · 1 超时');
    expect(progressText(progress({ rendered: 30, offline: 0, timedOut: 0 }))).toBe(
      '30/40 已生效 · 10 进行中',
    );
    expect(progressText(progress({ rendered: 40, offline: 0, timedOut: 0 }))).toBe('40/40 已生效');
  });

  it('formats times and keeps the newest changes first', () => {
    expect(formatMs(850)).toBe('850 毫秒');
    expect(formatMs(3200)).toBe('3.2 秒');
    expect(formatMs(null)).toBe('—');
    const list = upsertChange(
      [progress({ changeId: 'a', createdAt: 1 })],
      progress({ changeId: 'b', createdAt: 2 }),
    );
    expect(list.map((c) => c.changeId)).toEqual(['b', 'a']);
    expect(upsertChange(list, progress({ changeId: 'a', createdAt: 1, rendered: 40 }))[1]!.rendered).toBe(40);
  });

  it('colours an alerted screen before anything else', () => {
    const base = { online: true, lastSeenAt: 1, revision: 3, renderedRevision: 3, errors: 0 } as ScreenStatus;
    expect(healthOf(base)).toBe('online');
    expect(healthOf({ ...base, renderedRevision: 2 })).toBe('stale');
    expect(healthOf({ ...base, online: false })).toBe('offline');
    expect(healthOf({ ...base, online: false, alert: { id: 'a', raisedAt: 1 } })).toBe('alert');
  });
});
