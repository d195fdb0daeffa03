import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, pairScreen, startTestServer, type TestServer } from '../../test/harness.js';
import { mp4, upload, webm } from '../../test/mediaFixtures.js';
import { campaignBody } from '../../test/programFixtures.js';

let t: TestServer;
let pub: Client;
let admin: Client;
beforeAll(async () => {
  t = await startTestServer();
  pub = await loginAs(t, 'publicity');
  admin = await loginAs(t, 'sysadmin');
});
afterAll(async () => {
  await t.close();
});

const video = async (name: string, buf: Buffer, file: string) => {
  const hash = (await upload(pub, buf, file)).body.media.hash;
  return (await pub.request('POST', '/api/items', { kind: 'video', name, durationMs: 10_000, media: hash }))
    .body;
};
const playlist = async (name: string, itemIds: string[]) =>
  (
    await pub.request('POST', '/api/playlists', {
      name,
      entries: itemIds.map((itemId) => ({ itemId, durationMs: 10_000 })),
    })
  ).body;

describe('a screen group of old boxes', () => {
  it('is marked by the administrator and refuses a WebM video with a 400 naming the item', async () => {
    const g = t.hc.stores.halls.listGroups()[0]!;
    const body = { name: g.name, hallId: g.hallId, defaultPlaylistId: g.defaultPlaylistId, oldBoxes: true };
    const marked = await admin.request('PUT', `/api/groups/${g.id}`, body);
    expect(marked.status).toBe(200);
    expect(marked.body.oldBoxes).toBe(true);

    const vp9 = await video('宣传片 VP9', webm(), 'promo.webm');
    const h264 = await video('宣传片 H.264', mp4(), 'promo.mp4');
    const withWebm = await playlist('含 WebM', [h264.id, vp9.id]);
    const refused = await pub.request('PUT', `/api/groups/${g.id}/default-playlist`, {
      playlistId: withWebm.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('old_boxes_video');
    expect(refused.body.error.message).toContain('「宣传片 VP9」');
    expect(refused.body.error.message).not.toContain('H.264」');

    // MP4 only: accepted; then adding the WebM to that playlist is refused too.
    const mp4Only = await playlist('仅 MP4', [h264.id]);
    const ok = await pub.request('PUT', `/api/groups/${g.id}/default-playlist`, { playlistId: mp4Only.id });
    expect(ok.status).toBe(200);
    const edit = await pub.request('PUT', `/api/playlists/${mp4Only.id}`, {
      name: '仅 MP4',
      entries: [h264.id, vp9.id].map((itemId) => ({ itemId, durationMs: 10_000 })),
    });
    expect(edit.status).toBe(400);
    expect(edit.body.error.message).toContain('「宣传片 VP9」');

    // A group playing a WebM cannot be marked old boxes until the video is replaced.
    const unmark = await admin.request('PUT', `/api/groups/${g.id}`, { ...body, oldBoxes: false });
    expect(unmark.status).toBe(200);
    expect(
      (await pub.request('PUT', `/api/groups/${g.id}/default-playlist`, { playlistId: withWebm.id })).status,
    ).toBe(200);
    const remark = await admin.request('PUT', `/api/groups/${g.id}`, {
      ...body,
      defaultPlaylistId: withWebm.id,
      oldBoxes: true,
    });
    expect(remark.status).toBe(400);
    expect(remark.body.error.message).toContain('「宣传片 VP9」');
  });

  it('refuses a campaign that would bring a WebM video to an old-boxes group, however it is targeted', async () => {
    const g = t.hc.stores.halls.listGroups()[0]!;
    // Its own default playlist without a WebM (the test above left one), then marked.
    const marked = await admin.request('PUT', `/api/groups/${g.id}`, {
      name: g.name,
      hallId: g.hallId,
      defaultPlaylistId: null,
      oldBoxes: true,
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const { screenId } = await pairScreen(t, '老旧设备屏');
    expect(t.hc.stores.screens.get(screenId)!.groupId).toBe(g.id);
    const vp9 = await video('活动短片 VP9', webm(), 'campaign.webm');
    const h264 = await video('活动短片 H.264', mp4(), 'campaign.mp4');
    const withWebm = await playlist('活动含 WebM', [vp9.id]);
    const mp4Only = await playlist('活动仅 MP4', [h264.id]);
    const before = t.hc.stores.programs.listCampaigns().length;
    for (const targets of [
      { all: false, hallIds: [], groupIds: [g.id], screenIds: [] },
      { all: false, hallIds: [], groupIds: [], screenIds: [screenId] },
      { all: false, hallIds: [g.hallId], groupIds: [], screenIds: [] },
      { all: true, hallIds: [], groupIds: [], screenIds: [] },
    ]) {
      const r = await pub.request('POST', '/api/campaigns', campaignBody(withWebm.id, screenId, { targets }));
      expect(r.status, JSON.stringify(targets)).toBe(400);
      expect(r.body.error.code).toBe('old_boxes_video');
      expect(r.body.error.message).toContain('「活动短片 VP9」');
    }
    expect(t.hc.stores.programs.listCampaigns()).toHaveLength(before);
    const ok = await pub.request('POST', '/api/campaigns', campaignBody(mp4Only.id, screenId));
    expect(ok.status).toBe(201);
  });
});

describe('media on old boxes', () => {
  it('marks WebM videos, and videos larger than every paired screen', async () => {
    await pairScreen(t, '1080p 屏');
    const small = (await upload(pub, mp4(), 'small.mp4')).body.media.hash;
    const vp9 = (await upload(pub, webm({ codec: 'V_VP9' }), 'clip.webm')).body.media.hash;
    const lib = (await pub.request('GET', '/api/media')).body;
    expect(lib.largestCanvas).toEqual({ width: 1920, height: 1080 });
    const flags = (hash: string) => lib.media.find((m: { hash: string }) => m.hash === hash).flags;
    expect(flags(vp9)).toContain('webm');
    expect(flags(small)).not.toContain('webm');
    // The same video, larger than any screen: flagged once its size is known.
    t.hc.db.prepare('UPDATE media SET width = 3840, height = 2160 WHERE hash = ?').run(small);
    const again = (await pub.request('GET', '/api/media')).body;
    expect(again.media.find((m: { hash: string }) => m.hash === small).flags).toEqual([
      'larger_than_screens',
    ]);
  });
});
