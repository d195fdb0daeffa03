import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../core/credit/index.js';
import type { ManifestUpdated } from '../../../core/protocol/events.js';
import { ManualClock } from '../../clock.js';
import { batchCount, csv, entryCount, orgRow, personRow, upload } from '../../test/creditFixtures.js';
import {
  Client,
  connectPlayer,
  loginAs,
  pairScreen,
  startTestServer,
  type TestServer,
  until,
} from '../../test/harness.js';

const clock = new ManualClock(Date.UTC(2026, 10, 27, 2, 0, 0));
let t: TestServer;
let editor: Client;
let reviewer: Client;
let admin: Client;
const ID_A = makeResidentId('231102', '1975-02-03', '371');
const ID_B = makeResidentId('231102', '1988-12-24', '512');

beforeAll(async () => {
  t = await startTestServer({ logLevel: 'debug' }, clock, { fileLog: true });
  editor = await loginAs(t, 'list-editor');
  reviewer = await loginAs(t, 'reviewer');
  admin = await loginAs(t, 'sysadmin');
});
afterAll(async () => {
  await t.close();
});

async function importBatch(rows: string[][], category = '失信被执行人') {
  const p = await upload(t, editor, csv(rows), category);
  expect(p.status).toBe(201);
  const b = await editor.request('POST', `/api/imports/${p.body.id}/confirm`, {
    title: `测试批次 ${category}`,
  });
  expect(b.status).toBe(201);
  return b.body;
}

describe('review and publication', () => {
  it('enforces four eyes: whoever submitted cannot approve', async () => {
    const b = await importBatch([orgRow()]);
    // Submitted (through the service) by the reviewer, who then may not approve it.
    const reviewerId = t.hc.stores.users.getByUsername(
      t.hc.demoLogins!.find((l) => l.role === 'reviewer')!.username,
    )!.id;
    t.hc.services.credit.batches.submit(b.id, reviewerId);
    const self = await reviewer.request('POST', `/api/batches/${b.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('four_eyes');
    expect(self.body.error.message).toContain('另一位审核员');
    expect((await reviewer.request('GET', `/api/batches/${b.id}`)).body.status).toBe('submitted');
    // And no administrator may act on a batch at all.
    expect((await admin.request('POST', `/api/batches/${b.id}/approve`, {})).status).toBe(403);
  });

  it('publishes to every connected screen, which drops a withdrawn entry and confirms the takedown', async () => {
    const { token, screenId } = await pairScreen(t, '测试大厅屏');
    const player = connectPlayer(t, token, { autoAck: false });
    const manifests: ManifestUpdated[] = [];
    player.on('manifest:updated', (m, ack) => {
      ack({ ok: true, data: undefined });
      manifests.push(m);
    });
    await until(() => manifests.length > 0);

    const batch = await importBatch([
      personRow(ID_A, { 主体名称: '钱某某' }),
      personRow(ID_B, { 主体名称: '孙某某' }),
    ]);
    expect((await editor.request('POST', `/api/batches/${batch.id}/submit`)).status).toBe(200);
    const edit = await editor.request(
      'PATCH',
      `/api/batches/${batch.id}/entries/${(await editor.request('GET', `/api/batches/${batch.id}/entries`)).body.entries[0].id}`,
      { reason: '拒不履行生效判决' },
    );
    expect(edit.status).toBe(200);
    expect((await editor.request('GET', `/api/batches/${batch.id}`)).body.status).toBe('draft');
    await editor.request('POST', `/api/batches/${batch.id}/submit`);
    expect(
      (await reviewer.request('POST', `/api/batches/${batch.id}/approve`, { comment: '核对无误' })).status,
    ).toBe(200);
    const before = manifests.length;
    const pub = await reviewer.request('POST', `/api/batches/${batch.id}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('published');
    await until(() => manifests.length > before);
    const m = manifests.at(-1)!.manifest!;
    const auth = { authorization: `Bearer ${token}` };
    const dataset = async (mm: typeof m) => {
      const h = mm.datasets.find((d) => d.categoryName === '失信被执行人')!.hash;
      return (await new Client(t.url).request('GET', `/datasets/${h}`, undefined, auth)).body;
    };
    const shown = await dataset(m);
    const names = shown.entries.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['钱某某', '孙某某']));
    expect(JSON.stringify(shown)).not.toContain(ID_A);

    const count = manifests.length;
    const w = await editor.request('POST', '/api/entries/withdraw-by-code', {
      code: ID_A,
      kind: 'repair',
      reason: '已完成信用修复',
      docNo: '黑中法执恢〔2026〕1号',
    });
    expect(w.status).toBe(200);
    expect(w.body).toHaveLength(1);
    await until(() => manifests.length > count);
    const after = await dataset(manifests.at(-1)!.manifest!);
    expect(after.entries.map((e: { name: string }) => e.name)).not.toContain('钱某某');
    await player.timeout(2000).emitWithAck('player:rendered', { revision: manifests.at(-1)!.revision });
    const td = await editor.request('GET', `/api/takedowns/${w.body[0].id}`);
    expect(
      td.body.perScreen.find((s: { screenId: string }) => s.screenId === screenId).renderedAt,
    ).toBeGreaterThan(0);
    expect(td.body.deadline).toMatch(/^2026-12-0[12]$/);
    player.close();
  });

  it('refuses to withdraw an unknown code and changes nothing', async () => {
    const before = (
      t.hc.db.prepare("SELECT count(*) AS n FROM entries WHERE status = 'active'").get() as {
        n: number;
      }
    ).n;
    const r = await editor.request('POST', '/api/entries/withdraw-by-code', {
      code: makeResidentId('231102', '1990-01-01', '999'),
      kind: 'revocation',
      reason: '测试撤销',
      docNo: 'X1',
    });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('code_unknown');
    expect(
      (
        t.hc.db.prepare("SELECT count(*) AS n FROM entries WHERE status = 'active'").get() as {
          n: number;
        }
      ).n,
    ).toBe(before);
  });

  it('lets the credit platform push a repair with an API key, and refuses a wrong key', async () => {
    const batch = await importBatch([
      personRow(makeResidentId('231102', '1970-07-07', '777'), { 主体名称: '周某某' }),
    ]);
    await editor.request('POST', `/api/batches/${batch.id}/submit`);
    await reviewer.request('POST', `/api/batches/${batch.id}/approve`, {});
    await reviewer.request('POST', `/api/batches/${batch.id}/publish`);
    const key = await (await loginAs(t, 'secadmin')).request('POST', '/api/api-keys', {
      name: '省信用平台',
      scopes: ['withdraw'],
    });
    expect(key.status).toBe(201);
    expect(key.body.secret).toMatch(/^hck_/);
    const body = {
      code: makeResidentId('231102', '1970-07-07', '777'),
      kind: 'repair',
      reason: '平台推送信用修复',
      docNo: 'PT-1',
    };
    const wrong = await new Client(t.url).request('POST', '/api/platform/withdrawals', body, {
      authorization: 'Bearer hck_wrong',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_api_key');
    const ok = await new Client(t.url).request('POST', '/api/platform/withdrawals', body, {
      authorization: `Bearer ${key.body.secret}`,
    });
    expect(ok.status).toBe(200);
    expect(ok.body[0].entryName).toBe('周某某');
    expect(JSON.stringify(t.hc.db.prepare('SELECT * FROM api_keys').all())).not.toContain(key.body.secret);
  });

  it('corrects an entry: the old version leaves at once, the corrected one waits for review', async () => {
    const batch = await importBatch(
      [orgRow({ 主体名称: '黑河更正测试有限公司', 事由: '旧事由' })],
      '严重违法失信企业',
    );
    await editor.request('POST', `/api/batches/${batch.id}/submit`);
    await reviewer.request('POST', `/api/batches/${batch.id}/approve`, {});
    await reviewer.request('POST', `/api/batches/${batch.id}/publish`);
    const old = (await editor.request('GET', `/api/batches/${batch.id}/entries`)).body.entries[0];
    const bad = await editor.request('POST', `/api/entries/${old.id}/correct`, { reason: '新事由' });
    expect(bad.status).toBe(400);
    const r = await editor.request('POST', `/api/entries/${old.id}/correct`, {
      reason: '新事由：提交虚假材料取得许可',
      correctionReason: '原决定书事由录入有误',
      correctionDocNo: '黑市监更〔2026〕3号',
    });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('draft');
    const fresh = (await editor.request('GET', `/api/batches/${r.body.id}/entries`)).body.entries[0];
    expect(fresh.reason).toBe('新事由：提交虚假材料取得许可');
    expect(fresh.code).toBe(old.code);
    const gone = (await editor.request('GET', `/api/entries?q=${encodeURIComponent('黑河更正测试有限公司')}`))
      .body.entries;
    expect(gone.find((e: { id: string }) => e.id === old.id).status).toBe('withdrawn');
    const feed = await new Client(t.url).request('GET', '/api/public/lists.json');
    expect(JSON.stringify(feed.body)).not.toContain('黑河更正测试有限公司');
  });

  it('suspends an entry under objection where the category says so', async () => {
    const cats = (await admin.request('GET', '/api/categories')).body as { id: string; name: string }[];
    const cat = cats.find((c) => c.name === '环保失信')!;
    const put = await admin.request('PUT', `/api/categories/${cat.id}`, {
      ...cat,
      objectionPolicy: 'suspend',
    });
    expect(put.status).toBe(200);
    const batch = await importBatch([orgRow({ 主体名称: '黑河异议测试化工厂' })], '环保失信');
    await editor.request('POST', `/api/batches/${batch.id}/submit`);
    await reviewer.request('POST', `/api/batches/${batch.id}/approve`, {});
    await reviewer.request('POST', `/api/batches/${batch.id}/publish`);
    const entry = (await editor.request('GET', `/api/batches/${batch.id}/entries`)).body.entries[0];
    const shown = async () =>
      JSON.stringify((await new Client(t.url).request('GET', '/api/public/lists.json')).body).includes(
        '黑河异议测试化工厂',
      );
    expect(await shown()).toBe(true);
    const set = await editor.request('POST', `/api/entries/${entry.id}/objection`, {
      pending: true,
      reason: '当事人提出异议',
    });
    expect(set.body.status).toBe('objection-pending');
    expect(await shown()).toBe(false);
    await editor.request('POST', `/api/entries/${entry.id}/objection`, {
      pending: false,
      reason: '异议不成立',
    });
    expect(await shown()).toBe(true);
  });

  it('takes entries past their window off screens by itself and archives empty batches', async () => {
    const batch = await importBatch(
      [orgRow({ 认定日期: '2026-11-01', 严重程度: '严重' })],
      '严重违法失信企业',
    );
    await editor.request('POST', `/api/batches/${batch.id}/submit`);
    await reviewer.request('POST', `/api/batches/${batch.id}/approve`, {});
    await reviewer.request('POST', `/api/batches/${batch.id}/publish`);
    expect((await editor.request('GET', `/api/batches/${batch.id}`)).body.onDisplay).toBe(1);
    clock.advance(4 * 365 * 86_400_000);
    const change = t.hc.services.credit.batches.expire();
    expect(change).not.toBeNull();
    editor = await loginAs(t, 'list-editor');
    expect((await editor.request('GET', `/api/batches/${batch.id}`)).body.status).toBe('archived');
    const feed = await new Client(t.url).request('GET', '/api/public/lists.json');
    expect(feed.body.lists.flatMap((l: { entries: unknown[] }) => l.entries)).toHaveLength(0);
  });
});

describe('privacy', () => {
  it('never writes a full ID number to the data dir, the logs or any response', async () => {
    const ids = [ID_A, ID_B, makeResidentId('231102', '1970-07-07', '777')];
    const responses = JSON.stringify([
      await editor.request('GET', '/api/entries?limit=500'),
      await (await loginAs(t, 'auditor')).request('GET', '/api/audit?limit=500'),
      await editor.request('GET', '/api/takedowns'),
      await new Client(t.url).request('GET', '/api/public/lists.json'),
    ]);
    t.hc.db.pragma('wal_checkpoint(PASSIVE)');
    await new Promise((r) => setTimeout(r, 300)); // let the asynchronous log writer flush
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(t.dataDir);
    expect(files.some((f) => f.endsWith('hallcast.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('hallcast.log') && statSync(f).size > 0)).toBe(true);
    for (const id of ids) {
      expect(responses).not.toContain(id);
      for (const f of files) expect(readFileSync(f).includes(Buffer.from(id)), `${id} in ${f}`).toBe(false);
    }
    expect(batchCount(t)).toBeGreaterThan(0);
    expect(entryCount(t)).toBeGreaterThan(0);
  });
});
