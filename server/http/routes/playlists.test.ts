import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, pairScreen, startTestServer, type TestServer } from '../../test/harness.js';
import { mp4, png, upload } from '../../test/mediaFixtures.js';

let t: TestServer;
let pub: Client;
let screenId: string;
beforeAll(async () => {
  t = await startTestServer();
  pub = await loginAs(t, 'publicity');
  screenId = (await pairScreen(t)).screenId;
});
afterAll(async () => {
  await t.close();
});

const revision = () => t.hc.stores.screens.get(screenId)!.revision;
const counts = () => ({
  items: t.hc.stores.content.listItems().length,
  playlists: t.hc.stores.content.listPlaylists().length,
});
const notice = (name: string) => ({ kind: 'notice', name, durationMs: 15_000, title: name, body: '正文' });

describe('content items', () => {
  it('creates every kind, validated by the Item schema', async () => {
    const image = (await upload(pub, png(1920, 1080), 'p.png')).body.media.hash;
    const video = (await upload(pub, mp4(), 'v.mp4')).body.media.hash;
    const category = t.hc.stores.credit.listCategories()[0]!;
    const bodies = [
      {
        kind: 'list-board',
        name: '红榜',
        durationMs: 60_000,
        selector: { listType: 'red', categoryIds: [category.id] },
        mode: 'scroll',
        rowsPerPage: 10,
        dwellSec: 10,
        fields: ['name', 'reason'],
      },
      { kind: 'image', name: '图', durationMs: 10_000, media: image },
      { kind: 'video', name: '片', durationMs: 30_000, media: video, playToEnd: true },
      { ...notice('公告'), media: image, style: 'commerce' },
      { kind: 'ticker', name: '字幕', durationMs: 20_000, text: '诚实守信', speed: 100 },
      { kind: 'clock', name: '时钟', durationMs: 10_000 },
    ];
    for (const body of bodies) {
      const r = await pub.request('POST', '/api/items', body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ kind: body.kind, name: body.name, id: expect.any(String) });
    }
  });

  it('refuses bad items with a clear error and stores nothing', async () => {
    const image = (await upload(pub, png(10, 20), 'q.png')).body.media.hash;
    const before = counts();
    const cases: [unknown, string][] = [
      [{ kind: 'ticker', name: '空', durationMs: 5000, text: '  ' }, 'invalid_input'],
      [{ kind: 'image', name: '无图', durationMs: 5000, media: 'f'.repeat(64) }, 'media_missing'],
      [{ kind: 'video', name: '错类型', durationMs: 5000, media: image }, 'media_kind'],
      [{ kind: 'clock', name: '太短', durationMs: 10 }, 'invalid_input'],
      [{ kind: 'marquee', name: '未知', durationMs: 5000 }, 'invalid_input'],
      [
        {
          kind: 'list-board',
          name: '无类别',
          durationMs: 5000,
          selector: { listType: 'black', categoryIds: ['no-such-category'] },
          mode: 'paged',
          rowsPerPage: 8,
          dwellSec: 10,
          fields: ['name'],
        },
        'category_missing',
      ],
    ];
    for (const [body, code] of cases) {
      const r = await pub.request('POST', '/api/items', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe(code);
    }
    expect(counts()).toEqual(before);
  });
});

describe('playlists', () => {
  it('keeps ordered entries with durations and validity, and refuses bad ones', async () => {
    const a = (await pub.request('POST', '/api/items', notice('甲'))).body;
    const b = (await pub.request('POST', '/api/items', notice('乙'))).body;
    const created = await pub.request('POST', '/api/playlists', {
      name: '测试节目单',
      entries: [
        { itemId: b.id, durationMs: 8000, validFrom: '2026-01-01', validUntil: '2026-12-31' },
        { itemId: a.id, durationMs: 12_000 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.entries.map((e: { itemId: string }) => e.itemId)).toEqual([b.id, a.id]);
    const before = counts();
    const bad = [
      {
        name: '倒置',
        entries: [{ itemId: a.id, durationMs: 5000, validFrom: '2026-05-01', validUntil: '2026-04-01' }],
      },
      { name: '无内容', entries: [{ itemId: 'missing', durationMs: 5000 }] },
      { name: '坏日期', entries: [{ itemId: a.id, durationMs: 5000, validFrom: '2026-02-30' }] },
    ];
    for (const body of bad) expect((await pub.request('POST', '/api/playlists', body)).status).toBe(400);
    expect(counts()).toEqual(before);
    const reordered = await pub.request('PUT', `/api/playlists/${created.body.id}`, {
      name: '测试节目单',
      entries: [
        { itemId: a.id, durationMs: 12_000 },
        { itemId: b.id, durationMs: 8000 },
      ],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.saved.entries.map((e: { itemId: string }) => e.itemId)).toEqual([a.id, b.id]);
  });

  it('sets a group default playlist (publicity may) as a change for the group screens', async () => {
    const item = (await pub.request('POST', '/api/items', notice('默认'))).body;
    const p = (
      await pub.request('POST', '/api/playlists', {
        name: '新默认',
        entries: [{ itemId: item.id, durationMs: 9000 }],
      })
    ).body;
    const group = t.hc.stores.halls.listGroups()[0]!;
    const rev = revision();
    const r = await pub.request('PUT', `/api/groups/${group.id}/default-playlist`, { playlistId: p.id });
    expect(r.status).toBe(200);
    expect(r.body.defaultPlaylistId).toBe(p.id);
    expect(revision()).toBe(rev + 1);
    const m = t.hc.services.manifests.build(t.hc.stores.screens.get(screenId)!);
    expect(m.schedule.defaultPlaylistId).toBe(p.id);
    // Editing it reaches the screens that play it.
    const edit = await pub.request('PUT', `/api/playlists/${p.id}`, {
      name: '新默认',
      entries: [{ itemId: item.id, durationMs: 20_000 }],
    });
    expect(edit.status).toBe(200);
    expect(revision()).toBe(rev + 2);
    const lists = t.hc.stores.content.listsPlaylist()!;
    const refused = await pub.request('PUT', `/api/groups/${group.id}/default-playlist`, {
      playlistId: lists.id,
    });
    expect(refused.status).toBe(400);
    expect(revision()).toBe(rev + 2);
    const reviewer = await loginAs(t, 'reviewer');
    expect(
      (await reviewer.request('PUT', `/api/groups/${group.id}/default-playlist`, { playlistId: p.id }))
        .status,
    ).toBe(403);
  });

  it('refuses to delete what is in use, naming who uses it', async () => {
    const group = t.hc.stores.halls.listGroups()[0]!;
    const before = counts();
    const p = await pub.request('DELETE', `/api/playlists/${group.defaultPlaylistId}`);
    expect(p.status).toBe(409);
    expect(p.body.error.message).toContain(group.name);
    const playlist = t.hc.stores.content.getPlaylist(group.defaultPlaylistId!)!;
    const itemId = playlist.entries[0]!.itemId;
    const i = await pub.request('DELETE', `/api/items/${itemId}`);
    expect(i.status).toBe(409);
    expect(i.body.error.message).toContain(playlist.name);
    const lists = t.hc.stores.content.listsPlaylist()!;
    expect((await pub.request('DELETE', `/api/playlists/${lists.id}`)).status).toBe(409);
    expect(counts()).toEqual(before);
  });
});
