import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../core/manifest/types.js';
import type { ManifestUpdated } from '../../../core/protocol/events.js';
import type { Emergency, EmergencyList } from '../../../core/protocol/programs.js';
import { resolve } from '../../../core/schedule/index.js';
import { ManualClock } from '../../clock.js';
import {
  type Client,
  connectPlayer,
  loginAs,
  once,
  pairScreen,
  startTestServer,
  type TestServer,
} from '../../test/harness.js';
import { campaignBody, playlistWith as programPlaylist } from '../../test/programFixtures.js';

// Tuesday 2026-03-10 10:00 in Asia/Shanghai.
const clock = new ManualClock(Date.parse('2026-03-10T02:00:00Z'));
let t: TestServer;
let pub: Client;
let rev: Client;
let admin: Client;
let screenId: string;
let token: string;
beforeAll(async () => {
  t = await startTestServer({}, clock);
  pub = await loginAs(t, 'publicity');
  rev = await loginAs(t, 'reviewer');
  admin = await loginAs(t, 'sysadmin');
  ({ screenId, token } = await pairScreen(t, '一楼东侧大屏'));
});
afterAll(async () => {
  await t.close();
});

const store = () => t.hc.stores;
const revision = () => store().screens.get(screenId)!.revision;
const manifest = () => t.hc.services.manifests.build(store().screens.get(screenId)!);
const campaignCount = () => store().programs.listCampaigns().length;
const at = (iso: string) => Date.parse(iso);

const playlistWith = (title: string) => programPlaylist(pub, title);
const body = (playlistId: string, extra: Record<string, unknown> = {}) =>
  campaignBody(playlistId, screenId, extra);

describe('campaign input', () => {
  it('refuses bad input with a clear message and stores nothing', async () => {
    const { playlistId } = await playlistWith('校验');
    const before = campaignCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dayparts: [{ start: '09:00', end: '09:00' }] }, 'invalid_input', '时段的开始与结束不能相同'],
      [{ startDate: '2026-03-20', endDate: '2026-03-19' }, 'invalid_input', '结束日期早于开始日期'],
      [{ startDate: '2026-02-30' }, 'invalid_input', '日期不存在'],
      [
        { targets: { all: false, hallIds: [], groupIds: ['gone-group'], screenIds: ['gone-screen'] } },
        'targets_missing',
        'gone-group',
      ],
      [{ targets: { all: false, hallIds: [], groupIds: [], screenIds: [] } }, 'invalid_input', '投放范围'],
      [{ playlistIds: ['no-such-playlist'] }, 'playlist_missing', 'no-such-playlist'],
    ];
    for (const [extra, code, text] of cases) {
      const r = await pub.request('POST', '/api/campaigns', body(playlistId, extra));
      expect(r.status, JSON.stringify(extra)).toBe(400);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).toContain(text);
    }
    expect(campaignCount()).toBe(before);
  });

  it('refuses to approve a campaign whose targets no longer exist, naming them', async () => {
    const { playlistId } = await playlistWith('目标');
    const hall = store().halls.listHalls()[0]!;
    const group = await admin.request('POST', '/api/groups', {
      name: '二楼临时区',
      hallId: hall.id,
      defaultPlaylistId: null,
    });
    const c = await pub.request(
      'POST',
      '/api/campaigns',
      body(playlistId, { targets: { all: false, hallIds: [], groupIds: [group.body.id], screenIds: [] } }),
    );
    expect(c.status).toBe(201);
    expect((await pub.request('POST', `/api/campaigns/${c.body.id}/submit`)).status).toBe(200);
    expect((await admin.request('DELETE', `/api/groups/${group.body.id}`)).status).toBe(204);
    const before = revision();
    const r = await rev.request('POST', `/api/campaigns/${c.body.id}/approve`, {});
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('targets_missing');
    expect(r.body.error.message).toContain(group.body.id);
    expect((await rev.request('GET', `/api/campaigns/${c.body.id}`)).body).toMatchObject({
      status: 'submitted',
      approved: null,
    });
    expect(revision()).toBe(before);
  });
});

describe('campaign review and the player', () => {
  it('reaches a connected player once approved by someone else, and plays inside its daypart', async () => {
    const { playlistId, itemId } = await playlistWith('信用交通');
    const player = connectPlayer(t, token);
    await once(player, 'manifest:updated');
    const created = await pub.request('POST', '/api/campaigns', body(playlistId));
    expect(created.body.status).toBe('draft');
    const id = created.body.id as string;
    expect((await pub.request('POST', `/api/campaigns/${id}/approve`, {})).status).toBe(403);
    expect((await pub.request('POST', `/api/campaigns/${id}/submit`)).body.status).toBe('submitted');
    expect(manifest().schedule.campaigns.map((c) => c.id)).not.toContain(id);

    // A reviewer who submitted it (through the service) cannot approve it either.
    const other = await pub.request('POST', '/api/campaigns', body(playlistId, { name: '审核员提交的活动' }));
    const reviewerId = store().users.getByUsername(
      t.hc.demoLogins!.find((l) => l.role === 'reviewer')!.username,
    )!.id;
    t.hc.services.programs.campaigns.submit(other.body.id, reviewerId);
    const own = await rev.request('POST', `/api/campaigns/${other.body.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('four_eyes');

    const received = new Promise<Manifest>((done) => {
      player.on('manifest:updated', (p: ManifestUpdated) => {
        if (p.manifest?.schedule.campaigns.some((c) => c.id === id)) done(p.manifest);
      });
    });
    const approved = await rev.request('POST', `/api/campaigns/${id}/approve`, { comment: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approved: { name: '信用交通宣传月' } });
    const m = await received;
    const screen = { id: m.screenId, timezone: m.timezone };
    // 14:03 local: three minutes into a five-minute cycle, past the lists' 30 % share.
    const inside = resolve(m.schedule, screen, at('2026-03-10T06:03:00Z'));
    expect(inside).toMatchObject({ campaignId: id, itemId, reason: 'campaign' });
    expect(m.items.map((i) => i.id)).toContain(itemId);
    // 14:00:30 belongs to the lists' share; 13:03 and Saturday are outside the campaign.
    expect(resolve(m.schedule, screen, at('2026-03-10T06:00:30Z'))?.reason).toBe('lists-share');
    expect(resolve(m.schedule, screen, at('2026-03-10T05:03:00Z'))?.campaignId).not.toBe(id);
    expect(resolve(m.schedule, screen, at('2026-03-14T06:03:00Z'))?.campaignId).not.toBe(id);

    // The preview resolves the same item for the same instant.
    const preview = await rev.request('GET', `/api/preview/${screenId}?at=2026-03-10T14:03`);
    expect(preview.status).toBe(200);
    expect(preview.body.at).toBe(at('2026-03-10T06:03:00Z'));
    expect(preview.body.slot).toMatchObject({ campaignId: id, itemId });
    expect(preview.body.datasets.length).toBeGreaterThan(0);
    player.close();
  });

  it('keeps playing the approved version while an edit (of it or its playlist) waits for review', async () => {
    const { playlistId, itemId } = await playlistWith('诚信大讲堂');
    const c = (await pub.request('POST', '/api/campaigns', body(playlistId, { name: '诚信大讲堂' }))).body;
    await pub.request('POST', `/api/campaigns/${c.id}/submit`);
    await rev.request('POST', `/api/campaigns/${c.id}/approve`, {});
    const afterApproval = revision();

    const edited = await pub.request(
      'PUT',
      `/api/campaigns/${c.id}`,
      body(playlistId, { name: '诚信大讲堂（改）' }),
    );
    expect(edited.body).toMatchObject({
      status: 'submitted',
      name: '诚信大讲堂（改）',
      approved: { name: '诚信大讲堂' },
    });
    expect(manifest().schedule.campaigns.find((x) => x.id === c.id)?.name).toBe('诚信大讲堂');

    await rev.request('POST', `/api/campaigns/${c.id}/approve`, {});
    const other = await playlistWith('替换内容');
    const pl = await pub.request('PUT', `/api/playlists/${playlistId}`, {
      name: '诚信大讲堂 节目单',
      entries: [{ itemId: other.itemId, durationMs: 5000 }],
    });
    expect(pl.body.sentToReview).toEqual([{ id: c.id, name: '诚信大讲堂（改）' }]);
    expect((await rev.request('GET', `/api/campaigns/${c.id}`)).body.status).toBe('submitted');
    // The (cached) manifest keeps the approved entries; a fresh build carries them under a derived id.
    for (const m of [
      manifest(),
      t.hc.services.manifests.build(store().screens.get(screenId)!, clock.now()),
    ]) {
      const played = m.schedule.campaigns.find((x) => x.id === c.id)!;
      const snapshot = m.schedule.playlists.find((p) => p.id === played.playlistIds[0])!;
      expect(snapshot.entries.map((e) => e.itemId)).toEqual([itemId]);
    }
    const fresh = t.hc.services.manifests.build(store().screens.get(screenId)!, clock.now());
    expect(fresh.schedule.campaigns.find((x) => x.id === c.id)!.playlistIds[0]).not.toBe(playlistId);
    expect(revision()).toBeGreaterThan(afterApproval);

    const withdrawn = await pub.request('POST', `/api/campaigns/${c.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ status: 'draft', approved: null });
    expect(manifest().schedule.campaigns.map((x) => x.id)).not.toContain(c.id);
  });
});

describe('emergencies', () => {
  const all = { all: true, hallIds: [], groupIds: [], screenIds: [] };

  it('shows the newest of two overlapping notices, lists both, and reverts', async () => {
    const player = connectPlayer(t, token);
    await once(player, 'manifest:updated');
    const e1 = await pub.request('POST', '/api/emergencies', {
      title: '系统维护',
      body: '请到 3 号窗口',
      targets: all,
    });
    expect(e1.status).toBe(201);
    expect(e1.body.expiresAt - e1.body.startsAt).toBe(2 * 3_600_000);
    clock.advance(1000);
    const e2 = await rev.request('POST', '/api/emergencies', {
      title: '暂停办理',
      body: '',
      targets: { all: false, hallIds: [], groupIds: [], screenIds: [screenId] },
      durationMs: 3_600_000,
    });
    expect(e2.status).toBe(201);
    const m = manifest();
    expect(m.schedule.emergencies.map((e) => e.id).sort()).toEqual([e1.body.id, e2.body.id].sort());
    const screen = { id: m.screenId, timezone: m.timezone };
    expect(resolve(m.schedule, screen, clock.now())).toMatchObject({
      emergencyId: e2.body.id,
      reason: 'emergency',
    });

    const rendered = await player.timeout(2000).emitWithAck('player:rendered', { revision: revision() });
    expect(rendered.ok).toBe(true);
    const list = await pub.request('GET', '/api/emergencies');
    const emergencies = (list.body as EmergencyList).emergencies;
    const [first, second] = [e1, e2].map((e) => emergencies.find((x) => x.id === e.body.id)!);
    expect(first!.active && second!.active).toBe(true);
    const mine = (e: Emergency | undefined) => e?.screens.find((s) => s.screenId === screenId);
    expect(mine(second)).toMatchObject({ showing: true, renderedAt: expect.any(Number) });
    expect(mine(first)).toMatchObject({ showing: false });

    expect((await pub.request('POST', `/api/emergencies/${e2.body.id}/revert`)).status).toBe(200);
    const after = manifest();
    expect(resolve(after.schedule, screen, clock.now())).toMatchObject({ emergencyId: e1.body.id });
    clock.advance(2 * 3_600_000);
    expect(resolve(manifest().schedule, screen, clock.now())?.reason).not.toBe('emergency');
    expect((await pub.request('POST', `/api/emergencies/${e1.body.id}/revert`)).status).toBe(409);
    player.close();
  });

  it('refuses a notice longer than the maximum or aimed at screens that are gone', async () => {
    const before = store().programs.recentEmergencies(clock.now(), 0).length;
    const long = await pub.request('POST', '/api/emergencies', {
      title: '太久',
      targets: all,
      durationMs: 25 * 3_600_000,
    });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('duration_too_long');
    const gone = await pub.request('POST', '/api/emergencies', {
      title: '无目标',
      targets: { all: false, hallIds: ['old-hall'], groupIds: [], screenIds: [] },
    });
    expect(gone.status).toBe(400);
    expect(gone.body.error.message).toContain('old-hall');
    const operator = await loginAs(t, 'operator');
    expect((await operator.request('POST', '/api/emergencies', { title: 'x', targets: all })).status).toBe(
      403,
    );
    expect(store().programs.recentEmergencies(clock.now(), 0).length).toBe(before);
  });
});

describe('preview and timezones', () => {
  it('refuses timezone names that do not exist, in the preview and on halls', async () => {
    const r = await rev.request('GET', `/api/preview/${screenId}?at=2026-03-10T14:03&timezone=Mars/Olympus`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('时区名称不存在');
    const hall = store().halls.listHalls()[0]!;
    const put = await admin.request('PUT', `/api/halls/${hall.id}`, { ...hall, timezone: 'Asia/Atlantis' });
    expect(put.status).toBe(400);
    expect(store().halls.getHall(hall.id)!.timezone).toBe('Asia/Shanghai');
    expect((await rev.request('GET', '/api/preview/no-such-screen?at=1')).status).toBe(404);
    expect((await rev.request('GET', `/api/preview/${screenId}?at=tomorrow`)).status).toBe(400);
  });

  it('previews in another zone when asked: the same wall time is another instant', async () => {
    const sh = await rev.request('GET', `/api/preview/${screenId}?at=2026-03-10T14:03`);
    const utc = await rev.request('GET', `/api/preview/${screenId}?at=2026-03-10T14:03&timezone=UTC`);
    expect(utc.body.at - sh.body.at).toBe(8 * 3_600_000);
    expect(utc.body.timezone).toBe('Asia/Shanghai');
  });
});
