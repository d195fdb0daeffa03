import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvField, safeCell, sheetName } from './spreadsheetSafe.js';

describe('spreadsheet cells', () => {
  it('prefixes a quote to text starting like a formula (OWASP) and leaves the rest', () => {
    for (const v of ['=1+1', '+cmd', '-1+1', '@SUM(A1)', '\tx', '\rx', '＝1'])
      expect(safeCell(v)).toBe(`'${v}`);
    expect(safeCell('黑河市 =1')).toBe('黑河市 =1');
    expect(safeCell(-5)).toBe(-5);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('makes sheet names Excel accepts, unique in the workbook', () => {
    const wb = new ExcelJS.Workbook();
    const a = sheetName(wb, '黑榜-安全/生产[失信]?');
    expect(a).toBe('黑榜-安全_生产_失信__');
    wb.addWorksheet(a);
    expect(sheetName(wb, a)).toBe(`${a}-2`);
    expect(sheetName(wb, 'x'.repeat(40))).toHaveLength(31);
  });
});
