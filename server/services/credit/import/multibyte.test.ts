import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './index.js';

const HEADER = ['主体类型', '主体名称', '统一社会信用代码', '事由', '决定书文号', '认定部门', '认定日期'];

async function workbook(rows: number, sharedStrings: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(HEADER);
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      '法人及非法人组织',
      `黑河市诚信示范企业第${i}号有限责任公司`,
      '91231100MA1B2C3D4E',
      '提交虚假材料取得登记',
      `黑市监决〔2026〕${i}号`,
      '黑河市市场监督管理局',
      '2026-10-15',
    ]);
  }
  const out = sharedStrings
    ? await wb.xlsx.writeBuffer()
    : await (async () => {
        const { PassThrough } = await import('node:stream');
        const sink = new PassThrough();
        const chunks: Buffer[] = [];
        sink.on('data', (c: Buffer) => chunks.push(c));
        const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
        const s = writer.addWorksheet('名单');
        s.addRow(HEADER).commit();
        for (let i = 0; i < rows; i++)
          s.addRow([
            '法人及非法人组织',
            `黑河市诚信示范企业第${i}号有限责任公司`,
            '91231100MA1B2C3D4E',
            '提交虚假材料取得登记',
            `黑市监决〔2026〕${i}号`,
            '黑河市市场监督管理局',
            '2026-10-15',
          ]).commit();
        await writer.commit();
        return Buffer.concat(chunks);
      })();
  return Buffer.from(out as ArrayBuffer);
}

describe('CJK text across stream chunks', () => {
  for (const shared of [false, true]) {
    it(`never breaks a character in two (${shared ? 'shared strings' : 'inline strings'})`, async () => {
      const r = await readImportFile(await workbook(3000, shared), {
        maxBytes: 50e6,
        maxRows: 10_000,
        maxCellChars: 2000,
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.rows).toHaveLength(3000);
      const broken = r.rows.filter((row) => Object.values(row.cells).some((v) => v?.includes('\uFFFD')));
      expect(broken).toEqual([]);
      expect(r.rows[2999]!.cells.name).toBe('黑河市诚信示范企业第2999号有限责任公司');
    });
  }
});
