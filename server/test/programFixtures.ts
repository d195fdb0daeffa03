import type { Client } from './harness.js';

/** A notice item in a playlist of its own, made by `c` (a publicity user, say). */
export async function playlistWith(
  c: Client,
  title: string,
): Promise<{ playlistId: string; itemId: string }> {
  const item = await c.request('POST', '/api/items', {
    kind: 'notice',
    name: title,
    durationMs: 20_000,
    title,
    body: '诚实守信，一路畅行',
    style: 'traffic',
  });
  if (item.status !== 201) throw new Error(`item ${title}: ${item.status} ${JSON.stringify(item.body)}`);
  const p = await c.request('POST', '/api/playlists', {
    name: `${title} 节目单`,
    entries: [{ itemId: item.body.id, durationMs: 20_000 }],
  });
  if (p.status !== 201) throw new Error(`playlist ${title}: ${p.status} ${JSON.stringify(p.body)}`);
  return { playlistId: p.body.id, itemId: item.body.id };
}

/** A weekday-afternoon campaign in March 2026 on one screen playing one playlist; `extra` overrides. */
export const campaignBody = (playlistId: string, screenId: string, extra: Record<string, unknown> = {}) => ({
  name: '信用交通宣传月',
  theme: '诚实守信，一路畅行',
  startDate: '2026-03-01',
  endDate: '2026-03-31',
  dayparts: [{ start: '14:00', end: '16:00' }],
  weekdays: [1, 2, 3, 4, 5],
  excludedDates: [],
  targets: { all: false, hallIds: [], groupIds: [], screenIds: [screenId] },
  priority: 'high',
  playlistIds: [playlistId],
  sharing: 'fill',
  ...extra,
});
