import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId, makeUscc } from '../../../core/credit/index.js';
import {
  batchCount,
  csv,
  entryCount,
  HEADER,
  orgRow,
  personRow,
  upload,
  xlsx,
} from '../../test/creditFixtures.js';
import { type Client, loginAs, startTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
let editor: Client;
beforeAll(async () => {
  t = await startTestServer({ maxImportRows: 50, maxImportBytes: 200_000, maxCellChars: 500 });
  editor = await loginAs(t, 'list-editor');
});
afterAll(async () => {
  await t.close();
});

/** Uploads and checks that nothing was written by the preview. */
async function preview(body: Buffer, name = 'list.csv') {
  const before = [batchCount(t), entryCount(t)];
  const r = await upload(t, editor, body, '严重违法失信企业', name);
  expect([batchCount(t), entryCount(t)]).toEqual(before);
  return r;
}
const issuesOf = (r: { body: any }, row: number) => {
  const x = r.body.sample.find((s: any) => s.row === row) ?? { errors: [], warnings: [] };
  return { errors: x.errors.map((e: any) => e.code), warnings: x.warnings.map((e: any) => e.code), row: x };
};

describe('import preview: identifiers', () => {
  it('reports each kind of bad USCC in Chinese, naming the column', async () => {
    const good = orgRow()[2]!;
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await preview(
      csv([
        orgRow({ '统一社会信用代码/证件号码': good.slice(0, 17) }),
        orgRow({ '统一社会信用代码/证件号码': `${good.slice(0, 16)}IO` }),
        orgRow({ '统一社会信用代码/证件号码': wrongCheck }),
      ]),
    );
    expect(r.status).toBe(201);
    expect(issuesOf(r, 2).errors).toContain('uscc_length');
    expect(issuesOf(r, 3).errors).toContain('uscc_charset');
    expect(issuesOf(r, 4).errors).toContain('code_anomaly');
    const msg = issuesOf(r, 2).row.errors[0];
    expect(msg.column).toBe('统一社会信用代码/证件号码');
    expect(msg.message).toMatch(/18 位/);
    expect(r.body.importable).toBe(1);
    expect(r.body.error).toBe(3);
  });

  it('accepts lowercase, spaced and full-width codes after normalising', async () => {
    const code = makeUscc({ region: '231100', orgCode: 'NRM00001' });
    const full = code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const r = await preview(
      csv([
        orgRow({ '统一社会信用代码/证件号码': code.toLowerCase() }),
        orgRow({ '统一社会信用代码/证件号码': ` ${full.slice(0, 8)} ${full.slice(8)} ` }),
      ]),
    );
    expect(r.body.importable).toBe(2);
    expect(r.body.error).toBe(0);
  });

  it('rejects impossible birth dates and wrong check digits without echoing the ID', async () => {
    const good = makeResidentId('231102', '1980-05-17', '123');
    const badDate = `2311021980023${good.slice(13)}`;
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const r = await preview(csv([personRow(badDate), personRow(badCheck)], HEADER));
    expect(issuesOf(r, 2).errors).toContain('id_birthdate');
    expect(issuesOf(r, 3).errors).toContain('id_check');
    const text = JSON.stringify(r.body);
    expect(text).not.toContain(badDate);
    expect(text).not.toContain(badCheck);
    expect(text).not.toContain(good.slice(6, 14));
  });
});

describe('import preview: files', () => {
  it('refuses an empty file', async () => {
    const r = await preview(Buffer.alloc(0));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('file_empty');
  });

  it('refuses a file that is not a workbook though named .xlsx', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const r = await preview(png, 'list.xlsx');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/xlsx|CSV/);
  });

  it('refuses a file missing a required column, naming it', async () => {
    const header = HEADER.filter((h) => h !== '决定书文号');
    const r = await preview(csv([orgRow().filter((_, i) => HEADER[i] !== '决定书文号')], header));
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('决定书文号');
  });

  it('refuses too many rows and an oversize file', async () => {
    const many = await preview(csv(Array.from({ length: 60 }, () => orgRow())));
    expect([413, 422]).toContain(many.status);
    expect(many.body.error.code).toBe('too_many_rows');
    const big = await preview(Buffer.alloc(300_000, 'a'));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/MB/);
  });

  it('reads a GBK csv as Excel in China saves it', async () => {
    const text = csv([orgRow({ 主体名称: '黑河市龙江粮食收储有限公司' })]).toString('utf8');
    const r = await preview(iconv.encode(text, 'gbk'));
    expect(r.status).toBe(201);
    expect(r.body.encoding).toBe('gb18030');
    expect(r.body.importable).toBe(1);
  });

  it('finds the header below a title row, takes formula results with a warning, and reads Excel dates', async () => {
    const row = orgRow();
    const withFormula: (string | number | { formula: string; result: string })[] = [...row];
    withFormula[1] = { formula: 'CONCAT("黑河","公式公司")', result: '黑河公式公司' };
    withFormula[8] = 46326; // 2026-10-31 as an Excel serial
    const r = await preview(
      await xlsx([withFormula], HEADER, '2026年第四季度严重违法失信企业名单'),
      'list.xlsx',
    );
    expect(r.status).toBe(201);
    expect(r.body.headerRow).toBe(2);
    const rows = await editor.request('GET', `/api/imports/${r.body.id}/rows`);
    const first = rows.body.rows[0];
    expect(first.warnings.map((w: any) => w.code)).toContain('formula');
    expect(first.values.name).toBe('黑河公式公司');
    expect(first.values.decisionDate).toBe('2026-10-31');
  });
});

describe('import preview: rows', () => {
  it('flags duplicates inside the file and dates outside the window or out of order', async () => {
    const dup = orgRow();
    const r = await preview(
      csv(
        [
          dup,
          dup,
          orgRow({ 认定日期: '2026-11-01', 严重程度: '一般' }).concat(['2026-11-01', '2029-01-01']),
          orgRow({ 认定日期: '2026-11-01', 严重程度: '严重' }).concat(['2026-11-10', '2026-11-05']),
        ],
        [...HEADER, '公示起始日期', '公示截止日期'],
      ),
    );
    expect(issuesOf(r, 3).errors).toContain('duplicate_in_file');
    expect(issuesOf(r, 4).errors).toContain('window_outside');
    expect(issuesOf(r, 5).errors.join()).toMatch(/window_(order|outside)/);
  });

  it('keeps <script> and long text as text', async () => {
    const r = await preview(
      csv([
        orgRow({ 主体名称: '<script>alert(1)</script>黑河公司', 事由: '很长'.repeat(200) }),
        orgRow({ 事由: 'x'.repeat(600) }),
      ]),
    );
    expect(r.status).toBe(201);
    const rows = await editor.request('GET', `/api/imports/${r.body.id}/rows`);
    expect(rows.body.rows[0].values.name).toBe('<script>alert(1)</script>黑河公司');
    expect(rows.body.rows[1].errors.map((e: any) => e.code)).toContain('cell_too_long');
  });

  it('confirms ok and warning rows into a draft batch in one go; anomalies flagged', async () => {
    const good = orgRow()[2]!;
    const anomaly = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await preview(
      csv([orgRow(), orgRow({ '统一社会信用代码/证件号码': anomaly }), orgRow({ 认定部门: '' })]),
    );
    const before = entryCount(t);
    const batch = await editor.request('POST', `/api/imports/${r.body.id}/confirm`, {
      title: '2026年第四季度 — 测试',
    });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ status: 'draft', entries: 2, anomalies: 1 });
    expect(entryCount(t)).toBe(before + 2);
    const again = await editor.request('POST', `/api/imports/${r.body.id}/confirm`, { title: 'x' });
    expect(again.status).toBe(410);
  });
});
