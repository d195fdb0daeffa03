import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { batchCount, csv, orgRow, upload } from '../test/creditFixtures.js';
import { type Client, loginAs, startTestServer, type TestServer } from '../test/harness.js';
import { upload as mediaUpload, png } from '../test/mediaFixtures.js';

// The example from GB 11643 and a legacy 15-digit number: neither may appear anywhere in full.
const ID = '11010519491231002X';
const ID15 = '110105491231002';
const PHONE = '13812341234';
const clock = new ManualClock(Date.UTC(2026, 10, 27, 2, 0, 0));
let t: TestServer;
let editor: Client;
let reviewer: Client;
let admin: Client;
let pub: Client;

beforeAll(async () => {
  t = await startTestServer({}, clock);
  editor = await loginAs(t, 'list-editor');
  reviewer = await loginAs(t, 'reviewer');
  admin = await loginAs(t, 'sysadmin');
  pub = await loginAs(t, 'publicity');
});
afterAll(async () => {
  await t.close();
});

const leaks = (text: string) => [ID, ID15, PHONE, '19491231', '491231002'].filter((x) => text.includes(x));

async function publish(
  rows: string[][],
  title: string,
  fileName = 'list.csv',
  category = '严重违法失信企业',
) {
  const p = await upload(t, editor, csv(rows), category, fileName);
  expect(p.status).toBe(201);
  const b = await editor.request('POST', `/api/imports/${p.body.id}/confirm`, { title });
  expect(b.status).toBe(201);
  expect((await editor.request('POST', `/api/batches/${b.body.id}/submit`)).status).toBe(200);
  const ok = await reviewer.request('POST', `/api/batches/${b.body.id}/approve`, { comment: `核对 ${ID}` });
  expect(ok.status).toBe(200);
  expect((await reviewer.request('POST', `/api/batches/${b.body.id}/publish`)).status).toBe(200);
  return b.body.id as string;
}

async function raw(c: Client, path: string): Promise<Buffer> {
  const res = await fetch(`${t.url}${path}`, { headers: { cookie: c.cookie } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('identifiers in free text', () => {
  it('masks an ID typed into 文号, 认定部门 and every other entry field, the title, the file name and the review comment', async () => {
    const batchId = await publish(
      [
        orgRow({
          主体名称: `黑河泄露测试有限公司 ${ID}`,
          法定代表人: `王某 ${PHONE}`,
          事由: `当事人身份证 ${ID15}`,
          认定依据: `依据 ${ID}`,
          决定书文号: `黑市监决〔2026〕${ID}号`,
          认定部门: `黑河市市场监督管理局 ${ID}`,
        }),
      ],
      `第四季度 ${ID}`,
      `C:\\Users\\张三\\${ID}.csv`,
    );
    const row = t.hc.db
      .prepare('SELECT doc_no, authority, name, reason, basis, legal_rep FROM entries WHERE batch_id = ?')
      .get(batchId) as Record<string, string>;
    expect(row.doc_no).toBe('黑市监决〔2026〕110105********002X号');
    expect(row.authority).toBe('黑河市市场监督管理局 110105********002X');
    expect(leaks(JSON.stringify(row))).toEqual([]);
    const batch = await editor.request('GET', `/api/batches/${batchId}`);
    expect(batch.body.title).toBe('第四季度 110105********002X');
    // Only the last path part of the upload's name is kept, its ID masked.
    expect(batch.body.sourceName).toBe('110105********002X.csv');

    const anon = await fetch(`${t.url}/api/public/lists.json`);
    const bodies = [
      await anon.text(),
      JSON.stringify((await editor.request('GET', '/api/batches')).body),
      JSON.stringify((await editor.request('GET', '/api/audit?limit=200')).body),
      JSON.stringify((await admin.request('GET', '/api/dashboard')).body),
      (await raw(editor, '/api/exports/lists.html')).toString('utf8'),
    ];
    for (const hash of t.hc.services.datasets.current().map((d) => d.hash)) {
      bodies.push(t.hc.services.datasets.get(hash)!.body);
    }
    expect(bodies.join('\n')).toContain('黑市监决〔2026〕110105********002X号');
    for (const b of bodies) expect(leaks(b)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await raw(editor, '/api/exports/lists.xlsx')) as never);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
    expect(cells.join('\n')).toContain('110105********002X');
    expect(leaks(cells.join('\n'))).toEqual([]);
  });

  it('masks withdrawal reasons and 文号 in takedowns, entries and the audit log', async () => {
    const batchId = await publish([orgRow()], '撤下测试批次');
    const entry = (await editor.request('GET', `/api/batches/${batchId}/entries`)).body.entries[0];
    const w = await editor.request('POST', `/api/entries/${entry.id}/withdraw`, {
      kind: 'repair',
      reason: `申请人 ${ID} 已修复，电话 ${PHONE}`,
      docNo: `黑信修〔2026〕${ID15}号`,
    });
    expect(w.status).toBeLessThan(300);
    const takedowns = JSON.stringify((await editor.request('GET', '/api/takedowns')).body);
    expect(takedowns).toContain('138****1234');
    expect(leaks(takedowns)).toEqual([]);
    const stored = JSON.stringify(
      t.hc.db.prepare('SELECT status_reason, status_doc_no FROM entries WHERE id = ?').get(entry.id),
    );
    expect(leaks(stored)).toEqual([]);
    expect(leaks(JSON.stringify((await editor.request('GET', '/api/audit?limit=50')).body))).toEqual([]);
  });

  it('answers 400 file_name_invalid for a bad percent-encoding in x-file-name and stages nothing', async () => {
    const before = batchCount(t);
    const cat = t.hc.stores.credit.listCategories().find((x) => x.name === '严重违法失信企业')!;
    const unit = t.hc.stores.credit.listUnits()[0]!;
    const res = await fetch(`${t.url}/api/imports?unitId=${unit.id}&categoryId=${cat.id}`, {
      method: 'POST',
      headers: {
        cookie: editor.cookie,
        'x-csrf-token': editor.csrf,
        'content-type': 'application/octet-stream',
        'x-file-name': '%E0%A4%A',
      },
      body: new Uint8Array(csv([orgRow()])),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('file_name_invalid');
    expect(body.error.message).toContain('重新选择文件');
    expect(batchCount(t)).toBe(before);
    const audit = (await editor.request('GET', '/api/audit?limit=5')).body.records as { action: string }[];
    expect(audit.some((r) => r.action.startsWith('import'))).toBe(false);
  });
});

describe('refused free text changes nothing', () => {
  it('a review comment with a combining flood answers 400 text_invalid and the batch stays submitted', async () => {
    const p = await upload(t, editor, csv([orgRow()]));
    const b = await editor.request('POST', `/api/imports/${p.body.id}/confirm`, { title: '退回测试批次' });
    expect((await editor.request('POST', `/api/batches/${b.body.id}/submit`)).status).toBe(200);
    const r = await reviewer.request('POST', `/api/batches/${b.body.id}/reject`, {
      comment: `请核对${'\u0336'.repeat(50)}`,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('text_invalid');
    expect(r.body.error.message).toContain('退回意见含有过多组合符号，请删除后重试');
    const after = (await editor.request('GET', `/api/batches/${b.body.id}`)).body;
    expect(after.status).toBe('submitted');
    expect(after.reviewComment ?? null).toBeNull();
  });

  it('an upload whose file name is a combining flood answers 400 text_invalid and stages nothing', async () => {
    const before = batchCount(t);
    const r = await upload(t, editor, csv([orgRow()]), '严重违法失信企业', `名单${'\u0300'.repeat(20)}.csv`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'text_invalid',
      message: '文件名含有过多组合符号，请删除后重试',
    });
    expect(batchCount(t)).toBe(before);
  });
});

describe('media file names', () => {
  it('keeps the last path part of an uploaded image name, normalised and masked', async () => {
    const r = await mediaUpload(pub, png(8, 8), `C:\\相册\\\u202E${ID}.png`);
    expect(r.status).toBe(201);
    expect(r.body.media.originalName).toBe('110105********002X.png');
    const list = JSON.stringify((await pub.request('GET', '/api/media')).body);
    expect(leaks(list)).toEqual([]);
  });
});

describe('display text normalisation', () => {
  const dirty = `\u202E诚信\u200B宣传\u0000\u001B[31m\u2066周\u2069`;

  it('strips bidi overrides, zero-width and control characters from item titles', async () => {
    const r = await pub.request('POST', '/api/items', {
      kind: 'notice',
      name: dirty,
      durationMs: 20_000,
      title: dirty,
      body: `第一行\u202E\n第二行\t末尾 ${ID}`,
    });
    expect(r.status).toBe(201);
    expect(r.body.name).toBe('诚信宣传[31m周');
    expect(r.body.title).toBe('诚信宣传[31m周');
    expect(r.body.body).toBe('第一行\n第二行 末尾 110105********002X');
  });

  it('refuses a flood of combining marks in an item title with 400 text_invalid, creating nothing', async () => {
    const before = (await pub.request('GET', '/api/items')).body.length;
    const r = await pub.request('POST', '/api/items', {
      kind: 'notice',
      name: '正常名称',
      durationMs: 20_000,
      title: `Z${'\u0301\u0302\u0303\u0304\u0305'.repeat(40)}`,
      body: '',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('text_invalid');
    expect(r.body.error.issues[0]).toMatchObject({
      path: 'title',
      message: '标题含有过多组合符号，请删除后重试',
    });
    expect((await pub.request('GET', '/api/items')).body.length).toBe(before);
  });

  it('normalises user display names, refuses combining floods and controls in user names', async () => {
    const ok = await admin.request('POST', '/api/users', {
      username: 'zhaoliu',
      displayName: `\u202E赵六\u200D ${PHONE}`,
      role: 'operator',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.user.displayName).toBe('赵六 138****1234');
    const users = () => admin.request('GET', '/api/users');
    const count = (await users()).body.length;
    const bad = await admin.request('POST', '/api/users', {
      username: 'zhaoqi',
      displayName: `赵${'\u0300'.repeat(200)}`,
      role: 'operator',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('text_invalid');
    expect(bad.body.error.message).toContain('显示名含有过多组合符号');
    const badName = await admin.request('POST', '/api/users', {
      username: 'zhao\u202Eqi',
      displayName: '赵七',
      role: 'operator',
    });
    expect(badName.status).toBe(400);
    const upd = await admin.request('PATCH', `/api/users/${ok.body.user.id}`, {
      displayName: `${'\u0300'.repeat(10)}`,
    });
    expect(upd.status).toBe(400);
    expect((await users()).body.length).toBe(count);
    const mine = (await users()).body.find((u: { id: string }) => u.id === ok.body.user.id);
    expect(mine.displayName).toBe('赵六 138****1234');
  });

  it('normalises entry names on import and turns a combining flood into a row error', async () => {
    const p = await upload(
      t,
      editor,
      csv([
        orgRow({ 主体名称: '\u202E黑河\u200B规范\u0007化有限公司' }),
        orgRow({ 主体名称: `黑河${'\u0300'.repeat(30)}公司` }),
      ]),
    );
    expect(p.status).toBe(201);
    const rows = (await editor.request('GET', `/api/imports/${p.body.id}/rows?limit=10`)).body.rows;
    expect(rows[0].status).not.toBe('error');
    expect(JSON.stringify(rows[0])).toContain('黑河规范化有限公司');
    expect(rows[1].status).toBe('error');
    expect(rows[1].errors.map((e: { code: string }) => e.code)).toContain('text_invalid');
    expect(rows[1].errors.find((e: { code: string }) => e.code === 'text_invalid').message).toBe(
      '主体名称含有过多组合符号，请删除后重试',
    );
  });
});

describe('spreadsheet formula neutralisation', () => {
  it('writes names that look like formulas as text with a leading quote, in every export', async () => {
    const names = ['=HYPERLINK("http://x","y")', '+cmd', '@SUM(A1)', '-1+1'];
    const batchId = await publish(
      names.map((n) => orgRow({ 主体名称: n })),
      '公式注入测试',
    );
    const check = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await raw(editor, path)) as never);
      const found = new Map<string, unknown>();
      wb.eachSheet((ws) =>
        ws.eachRow((r) =>
          r.eachCell((c) => {
            expect(c.formula).toBeFalsy();
            expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
            for (const n of names) if (String(c.value).endsWith(n)) found.set(n, c.value);
          }),
        ),
      );
      for (const n of names) expect(found.get(n)).toBe(`'${n}`);
    };
    await check('/api/exports/lists.xlsx');
    await check(`/api/reports/list-display/${batchId}/export`);
  });
});
