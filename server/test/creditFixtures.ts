import ExcelJS from 'exceljs';
import { makeResidentId, makeUscc } from '../../core/credit/index.js';
import type { Client, TestServer } from './harness.js';

export const HEADER = [
  '主体类型',
  '主体名称',
  '统一社会信用代码/证件号码',
  '法定代表人',
  '事由',
  '认定依据',
  '决定书文号',
  '认定部门',
  '认定日期',
  '严重程度',
];

let seq = 0;
/** A valid organisation row; override cells by header name. */
export function orgRow(over: Partial<Record<string, string>> = {}): string[] {
  seq++;
  const base: Record<string, string> = {
    主体类型: '法人及非法人组织',
    主体名称: `黑河测试商贸有限公司${seq}`,
    '统一社会信用代码/证件号码': makeUscc({ region: '231100', orgCode: `T${String(seq).padStart(7, '0')}` }),
    法定代表人: '王测试',
    事由: '提交虚假材料',
    认定依据: '《市场监督管理严重违法失信名单管理办法》',
    决定书文号: `黑市监决〔2026〕${seq}号`,
    认定部门: '黑河市市场监督管理局',
    认定日期: '2026-11-01',
    严重程度: '严重',
  };
  return HEADER.map((h) => over[h] ?? base[h] ?? '');
}

/** A natural-person row with a generated, valid resident ID. */
export function personRow(
  id = makeResidentId('231102', '1980-05-17', String(100 + (seq % 800)).padStart(3, '0')),
  over: Partial<Record<string, string>> = {},
): string[] {
  return orgRow({
    主体类型: '自然人',
    主体名称: '赵测试',
    '统一社会信用代码/证件号码': id,
    法定代表人: '',
    ...over,
  });
}

export function csv(rows: string[][], header = HEADER): Buffer {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from([header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n'), 'utf8');
}

export async function xlsx(
  rows: (string | number | { formula: string; result: string })[][],
  header = HEADER,
  title?: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  if (title) ws.addRow([title]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a file for preview as the list editor; with an uploadId its progress goes to c's sockets. */
export async function upload(
  t: TestServer,
  c: Client,
  body: Buffer,
  category = '严重违法失信企业',
  name = 'list.csv',
  uploadId?: string,
) {
  const cat = t.hc.stores.credit.listCategories().find((x) => x.name === category)!;
  const unit = t.hc.stores.credit.listUnits()[0]!;
  const query = new URLSearchParams({
    unitId: unit.id,
    categoryId: cat.id,
    ...(uploadId ? { uploadId } : {}),
  });
  const res = await fetch(`${t.url}/api/imports?${query}`, {
    method: 'POST',
    headers: {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

export const batchCount = (t: TestServer) =>
  (t.hc.db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n;
export const entryCount = (t: TestServer) =>
  (t.hc.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
