import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../core/credit/index.js';
import { ManualClock } from '../../clock.js';
import { csv, orgRow, upload } from '../../test/creditFixtures.js';
import { type Client, loginAs, pairScreen, startTestServer, type TestServer } from '../../test/harness.js';
import { campaignBody, playlistWith } from '../../test/programFixtures.js';
import { newUser } from '../../test/userKit.js';

// Tuesday 2026-11-24 10:00 in Asia/Shanghai (after the fixtures' decision dates).
const clock = new ManualClock(Date.parse('2026-11-24T02:00:00Z'));
let t: TestServer;
let admin: Client;
let editor: Client;
let reviewer: Client;
let pub: Client;
let screenId: string;

beforeAll(async () => {
  t = await startTestServer({}, clock);
  admin = await loginAs(t, 'admin');
  editor = await loginAs(t, 'list-editor');
  reviewer = await loginAs(t, 'reviewer');
  pub = await loginAs(t, 'publicity');
  ({ screenId } = await pairScreen(t, '四眼原则测试屏'));
});
afterAll(async () => {
  await t.close();
});

/** A refusal that names who must act instead, in Chinese. */
function expectFourEyes(r: { status: number; body: any }) {
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe('four_eyes');
  expect(r.body.error.message).toContain('另一位审核员');
}

async function importAs(c: Client, rows: string[][], title: string) {
  const p = await upload(t, c, csv(rows));
  expect(p.status).toBe(201);
  const b = await c.request('POST', `/api/imports/${p.body.id}/confirm`, { title });
  expect(b.status).toBe(201);
  return b.body as { id: string };
}
const batchOf = async (id: string) => (await admin.request('GET', `/api/batches/${id}`)).body;
const entriesOf = async (id: string) =>
  (await admin.request('GET', `/api/batches/${id}/entries`)).body.entries as {
    id: string;
    reason: string;
    anomalyAccepted: boolean;
    codeAnomaly: boolean;
  }[];

describe('four eyes on list batches', () => {
  it('an admin who edited an entry of another’s batch can neither approve nor publish it after the editor resubmits', async () => {
    const b = await importAs(editor, [orgRow(), orgRow()], '四眼：管理员改过的批次');
    expect((await editor.request('POST', `/api/batches/${b.id}/submit`)).status).toBe(200);
    const [first] = await entriesOf(b.id);
    const edit = await admin.request('PATCH', `/api/batches/${b.id}/entries/${first!.id}`, {
      reason: '管理员改写的事由',
    });
    expect(edit.status).toBe(200);
    expect((await batchOf(b.id)).status).toBe('draft');
    expect((await editor.request('POST', `/api/batches/${b.id}/submit`)).status).toBe(200);

    const before = { batch: await batchOf(b.id), entries: await entriesOf(b.id) };
    expectFourEyes(
      await admin.request('POST', `/api/batches/${b.id}/approve`, { comment: '自己改的自己批' }),
    );
    expect(await batchOf(b.id)).toEqual(before.batch);
    expect(await entriesOf(b.id)).toEqual(before.entries);

    // A reviewer who touched nothing approves; the admin still may not publish what they changed.
    expect((await reviewer.request('POST', `/api/batches/${b.id}/approve`, {})).status).toBe(200);
    const approved = await batchOf(b.id);
    expectFourEyes(await admin.request('POST', `/api/batches/${b.id}/publish`));
    expect(await batchOf(b.id)).toEqual(approved);
    expect(approved.status).toBe('approved');

    const pub2 = await reviewer.request('POST', `/api/batches/${b.id}/publish`);
    expect(pub2.status).toBe(200);
    expect(pub2.body.status).toBe('published');
  });

  it('an admin who imported and submitted a batch is refused; a second admin who did neither approves it', async () => {
    const second = await newUser(t, admin, 'admin');
    const b = await importAs(admin, [orgRow()], '四眼：管理员导入的批次');
    expect((await admin.request('POST', `/api/batches/${b.id}/submit`)).status).toBe(200);
    expectFourEyes(await admin.request('POST', `/api/batches/${b.id}/approve`, {}));
    expect((await batchOf(b.id)).status).toBe('submitted');
    expect((await second.client.request('POST', `/api/batches/${b.id}/approve`, {})).status).toBe(200);
  });

  it('the submitter cannot accept a code anomaly on their own batch; a different reviewer can', async () => {
    const good = makeUscc({ region: '231100', orgCode: 'A4000001' });
    const anomaly = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const b = await importAs(editor, [orgRow({ '统一社会信用代码/证件号码': anomaly })], '四眼：代码异常');
    // The admin submits the editor's batch: the admin is its submitter now.
    expect((await admin.request('POST', `/api/batches/${b.id}/submit`)).status).toBe(200);
    const [entry] = await entriesOf(b.id);
    expect(entry!.codeAnomaly).toBe(true);

    const r = await admin.request('POST', `/api/entries/${entry!.id}/accept-anomaly`, {
      reason: '早期试点代码，经核实无误',
    });
    expectFourEyes(r);
    expect((await entriesOf(b.id))[0]!.anomalyAccepted).toBe(false);
    expect((await batchOf(b.id)).anomalies).toBe(1);
    expect(t.hc.stores.batches.entry(entry!.id)!.anomalyAcceptedBy).toBeNull();

    const ok = await reviewer.request('POST', `/api/entries/${entry!.id}/accept-anomaly`, {
      reason: '早期试点代码，经核实无误',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.anomalyAccepted).toBe(true);
  });
});

const campaignNamed = (playlistId: string, name: string) =>
  campaignBody(playlistId, screenId, { name, startDate: '2026-11-01', endDate: '2026-11-30' });
const campaignOf = async (id: string) => (await admin.request('GET', `/api/campaigns/${id}`)).body;
const revision = () => t.hc.stores.screens.get(screenId)!.revision;

describe('four eyes on campaigns', () => {
  it('an admin who edited an item of a submitted campaign cannot approve it; a reviewer can', async () => {
    const { playlistId, itemId } = await playlistWith(pub, '四眼内容');
    const c = await pub.request('POST', '/api/campaigns', campaignNamed(playlistId, '四眼：内容被改'));
    expect(c.status).toBe(201);
    expect((await pub.request('POST', `/api/campaigns/${c.body.id}/submit`)).status).toBe(200);

    const edited = await admin.request('PUT', `/api/items/${itemId}`, {
      kind: 'notice',
      name: '四眼内容',
      durationMs: 20_000,
      title: '管理员改过的标题',
      body: '诚实守信，一路畅行',
      style: 'traffic',
    });
    expect(edited.status).toBe(200);
    const before = await campaignOf(c.body.id);
    expect(before.status).toBe('submitted');
    const rev0 = revision();

    expectFourEyes(await admin.request('POST', `/api/campaigns/${c.body.id}/approve`, {}));
    expect(await campaignOf(c.body.id)).toEqual(before);
    expect(before.approved).toBeNull();
    expect(revision()).toBe(rev0);

    const ok = await reviewer.request('POST', `/api/campaigns/${c.body.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(revision()).toBeGreaterThan(rev0);
  });

  it('an admin who edited the playlist of an approved campaign cannot approve it again', async () => {
    const { playlistId, itemId } = await playlistWith(pub, '四眼节目单');
    const c = await pub.request('POST', '/api/campaigns', campaignNamed(playlistId, '四眼：节目单被改'));
    await pub.request('POST', `/api/campaigns/${c.body.id}/submit`);
    expect((await reviewer.request('POST', `/api/campaigns/${c.body.id}/approve`, {})).status).toBe(200);

    const edit = await admin.request('PUT', `/api/playlists/${playlistId}`, {
      name: '四眼节目单（管理员改）',
      entries: [{ itemId, durationMs: 30_000 }],
    });
    expect(edit.status).toBe(200);
    const before = await campaignOf(c.body.id);
    expect(before.status).toBe('submitted');
    expectFourEyes(await admin.request('POST', `/api/campaigns/${c.body.id}/approve`, {}));
    expect(await campaignOf(c.body.id)).toEqual(before);
    expect((await reviewer.request('POST', `/api/campaigns/${c.body.id}/approve`, {})).status).toBe(200);
  });

  it('the creator of a campaign cannot approve it after another user submits it', async () => {
    const { playlistId } = await playlistWith(admin, '四眼创建者');
    const c = await admin.request('POST', '/api/campaigns', campaignNamed(playlistId, '四眼：管理员创建'));
    expect(c.status).toBe(201);
    expect((await pub.request('POST', `/api/campaigns/${c.body.id}/submit`)).status).toBe(200);
    const before = await campaignOf(c.body.id);
    expect(before.submittedBy).not.toBe(before.createdBy);

    expectFourEyes(await admin.request('POST', `/api/campaigns/${c.body.id}/approve`, {}));
    expect(await campaignOf(c.body.id)).toEqual(before);

    const ok = await reviewer.request('POST', `/api/campaigns/${c.body.id}/approve`, {});
    expect(ok.status).toBe(200);
    // Approval is the review: the authors start afresh, so the creator's next edit is what counts.
    expect(t.hc.stores.authors.campaign(c.body.id)).toEqual([]);
  });
});
