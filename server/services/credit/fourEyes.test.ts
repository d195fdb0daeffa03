import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../core/credit/index.js';
import { CampaignInput } from '../../../core/protocol/programs.js';
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
/** A second reviewer, who touched nothing. */
let other: Client;
let pub: Client;
let screenId: string;
/** The first reviewer's user id: since the separated roles no role both edits and reviews, so the
 * content a reviewer "changed" is changed through the services with their id (four eyes holds at
 * the service layer whatever the role table says). */
let reviewerId: string;

beforeAll(async () => {
  t = await startTestServer({}, clock);
  admin = await loginAs(t, 'sysadmin');
  editor = await loginAs(t, 'list-editor');
  reviewer = await loginAs(t, 'reviewer');
  pub = await loginAs(t, 'publicity');
  other = (await newUser(t, admin, 'reviewer')).client;
  reviewerId = t.hc.stores.users.getByUsername(
    t.hc.demoLogins!.find((l) => l.role === 'reviewer')!.username,
  )!.id;
  ({ screenId } = await pairScreen(t, '四眼原则测试屏'));
});
const credit = () => t.hc.services.credit;
const programs = () => t.hc.services.programs;
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
  it('nobody holds both: an administrator or a reviewer cannot edit an entry, an editor cannot approve', async () => {
    const b = await importAs(editor, [orgRow()], '四眼：角色分离');
    const [first] = await entriesOf(b.id);
    for (const c of [admin, reviewer])
      expect(
        (await c.request('PATCH', `/api/batches/${b.id}/entries/${first!.id}`, { reason: '改写' })).status,
      ).toBe(403);
    expect((await editor.request('POST', `/api/batches/${b.id}/submit`)).status).toBe(200);
    expect((await editor.request('POST', `/api/batches/${b.id}/approve`, {})).status).toBe(403);
    expect((await admin.request('POST', `/api/batches/${b.id}/approve`, {})).status).toBe(403);
  });

  it('a reviewer who edited an entry of another’s batch can neither approve nor publish it after the editor resubmits', async () => {
    const b = await importAs(editor, [orgRow(), orgRow()], '四眼：审核员改过的批次');
    expect((await editor.request('POST', `/api/batches/${b.id}/submit`)).status).toBe(200);
    const [first] = await entriesOf(b.id);
    credit().batches.editEntry(b.id, first!.id, { reason: '审核员改写的事由' }, reviewerId);
    expect((await batchOf(b.id)).status).toBe('draft');
    expect((await editor.request('POST', `/api/batches/${b.id}/submit`)).status).toBe(200);

    const before = { batch: await batchOf(b.id), entries: await entriesOf(b.id) };
    expectFourEyes(
      await reviewer.request('POST', `/api/batches/${b.id}/approve`, { comment: '自己改的自己批' }),
    );
    expect(await batchOf(b.id)).toEqual(before.batch);
    expect(await entriesOf(b.id)).toEqual(before.entries);

    // A reviewer who touched nothing approves; the first still may not publish what they changed.
    expect((await other.request('POST', `/api/batches/${b.id}/approve`, {})).status).toBe(200);
    const approved = await batchOf(b.id);
    expectFourEyes(await reviewer.request('POST', `/api/batches/${b.id}/publish`));
    expect(await batchOf(b.id)).toEqual(approved);
    expect(approved.status).toBe('approved');

    const pub2 = await other.request('POST', `/api/batches/${b.id}/publish`);
    expect(pub2.status).toBe(200);
    expect(pub2.body.status).toBe('published');
  });

  it('whoever imported and submitted a batch is refused at the service layer; another reviewer approves it', async () => {
    const cat = t.hc.stores.credit.listCategories().find((x) => x.name === '严重违法失信企业')!;
    const unit = t.hc.stores.credit.listUnits()[0]!;
    const preview = await credit().imports.preview(Buffer.from(csv([orgRow()])), {
      fileName: '审核员导入.csv',
      unitId: unit.id,
      categoryId: cat.id,
      actor: reviewerId,
    });
    const b = credit().imports.confirm(preview.id, '四眼：审核员导入的批次', reviewerId, (id) =>
      credit().batches.get(id),
    );
    credit().batches.submit(b.id, reviewerId);
    expect(() => credit().batches.approve(b.id, reviewerId)).toThrow(/另一位审核员/);
    expectFourEyes(await reviewer.request('POST', `/api/batches/${b.id}/approve`, {}));
    expect((await batchOf(b.id)).status).toBe('submitted');
    expect((await other.request('POST', `/api/batches/${b.id}/approve`, {})).status).toBe(200);
  });

  it('the submitter cannot accept a code anomaly on their own batch; a different reviewer can', async () => {
    const good = makeUscc({ region: '231100', orgCode: 'A4000001' });
    const anomaly = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const b = await importAs(editor, [orgRow({ '统一社会信用代码/证件号码': anomaly })], '四眼：代码异常');
    // The reviewer submits the editor's batch (through the service): the reviewer is its submitter now.
    credit().batches.submit(b.id, reviewerId);
    const [entry] = await entriesOf(b.id);
    expect(entry!.codeAnomaly).toBe(true);

    const r = await reviewer.request('POST', `/api/entries/${entry!.id}/accept-anomaly`, {
      reason: '早期试点代码，经核实无误',
    });
    expectFourEyes(r);
    expect((await entriesOf(b.id))[0]!.anomalyAccepted).toBe(false);
    expect((await batchOf(b.id)).anomalies).toBe(1);
    expect(t.hc.stores.batches.entry(entry!.id)!.anomalyAcceptedBy).toBeNull();

    const ok = await other.request('POST', `/api/entries/${entry!.id}/accept-anomaly`, {
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
  it('a reviewer who edited an item of a submitted campaign cannot approve it; another reviewer can', async () => {
    const { playlistId, itemId } = await playlistWith(pub, '四眼内容');
    const c = await pub.request('POST', '/api/campaigns', campaignNamed(playlistId, '四眼：内容被改'));
    expect(c.status).toBe(201);
    expect((await pub.request('POST', `/api/campaigns/${c.body.id}/submit`)).status).toBe(200);
    // No administrator may touch program content any more.
    const item = {
      kind: 'notice',
      name: '四眼内容',
      durationMs: 20_000,
      title: '改过的标题',
      body: '诚实守信，一路畅行',
      style: 'traffic',
    } as const;
    expect((await admin.request('PUT', `/api/items/${itemId}`, item)).status).toBe(403);

    programs().library.updateItem(itemId, item, reviewerId);
    const before = await campaignOf(c.body.id);
    expect(before.status).toBe('submitted');
    const rev0 = revision();

    expectFourEyes(await reviewer.request('POST', `/api/campaigns/${c.body.id}/approve`, {}));
    expect(await campaignOf(c.body.id)).toEqual(before);
    expect(before.approved).toBeNull();
    expect(revision()).toBe(rev0);

    const ok = await other.request('POST', `/api/campaigns/${c.body.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(revision()).toBeGreaterThan(rev0);
  });

  it('a reviewer who edited the playlist of an approved campaign cannot approve it again', async () => {
    const { playlistId, itemId } = await playlistWith(pub, '四眼节目单');
    const c = await pub.request('POST', '/api/campaigns', campaignNamed(playlistId, '四眼：节目单被改'));
    await pub.request('POST', `/api/campaigns/${c.body.id}/submit`);
    expect((await reviewer.request('POST', `/api/campaigns/${c.body.id}/approve`, {})).status).toBe(200);

    programs().library.updatePlaylist(
      playlistId,
      { name: '四眼节目单（审核员改）', entries: [{ itemId, durationMs: 30_000 }] },
      reviewerId,
    );
    const before = await campaignOf(c.body.id);
    expect(before.status).toBe('submitted');
    expectFourEyes(await reviewer.request('POST', `/api/campaigns/${c.body.id}/approve`, {}));
    expect(await campaignOf(c.body.id)).toEqual(before);
    expect((await other.request('POST', `/api/campaigns/${c.body.id}/approve`, {})).status).toBe(200);
  });

  it('the creator of a campaign cannot approve it after another user submits it', async () => {
    const { playlistId } = await playlistWith(pub, '四眼创建者');
    const created = programs().campaigns.create(
      CampaignInput.parse(campaignNamed(playlistId, '四眼：审核员创建')),
      reviewerId,
    );
    expect((await pub.request('POST', `/api/campaigns/${created.id}/submit`)).status).toBe(200);
    const before = await campaignOf(created.id);
    expect(before.submittedBy).not.toBe(before.createdBy);

    expect(() => programs().campaigns.approve(created.id, null, reviewerId)).toThrow(/另一位审核员/);
    expectFourEyes(await reviewer.request('POST', `/api/campaigns/${created.id}/approve`, {}));
    expect(await campaignOf(created.id)).toEqual(before);

    const ok = await other.request('POST', `/api/campaigns/${created.id}/approve`, {});
    expect(ok.status).toBe(200);
    // Approval is the review: the authors start afresh, so the creator's next edit is what counts.
    expect(t.hc.stores.authors.campaign(created.id)).toEqual([]);
  });
});
