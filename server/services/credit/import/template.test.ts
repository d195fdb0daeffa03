import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from './columns.js';
import { readImportFile } from './read.js';
import { buildTemplate } from './template.js';
import { LIMITS } from './testFixtures.js';

const OPTIONS = {
  categories: [
    { name: 'A级纳税人', listType: 'red' as const },
    { name: '失信被执行人', listType: 'black' as const },
    { name: '安全生产失信', listType: 'black' as const },
  ],
  units: ['测试市税务局', '测试市中级人民法院'],
};

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

type Validations = { model: Record<string, ExcelJS.DataValidation> };

describe('buildTemplate', () => {
  it('round-trips through readImportFile: header recognised, examples read and flagged', async () => {
    const result = await readImportFile(await buildTemplate(OPTIONS), LIMITS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result).toMatchObject({ format: 'xlsx', sheetName: '名单', headerRow: 1, warnings: [] });
    expect(result.columns.map((c) => c.field)).toEqual(IMPORT_COLUMNS.map((c) => c.field));
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]?.cells).toMatchObject({
      listType: '红名单',
      category: 'A级纳税人',
      code: '91350100M000100Y43',
    });
    expect(result.rows[1]?.cells).toMatchObject({
      listType: '黑名单',
      category: '失信被执行人',
      severity: '一般',
    });
    for (const r of result.rows) {
      expect(r.cells.decisionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.issues.map((i) => i.code)).toEqual(['example_row']);
    }
  });

  it('marks required columns in red with (必填) and formats code and date columns', async () => {
    const ws = (await load(await buildTemplate(OPTIONS))).getWorksheet('名单');
    if (!ws) throw new Error('no 名单 sheet');
    IMPORT_COLUMNS.forEach((c, i) => {
      const cell = ws.getRow(1).getCell(i + 1);
      expect(String(cell.value).includes('（必填）'), c.label).toBe(c.required);
      expect(cell.font?.color?.argb, c.label).toBe(c.required ? 'FFC00000' : 'FF000000');
      const fmt = ws.getColumn(i + 1).numFmt;
      expect(fmt, c.label).toBe(c.date ? 'yyyy-mm-dd' : '@');
    });
  });

  it('has dropdowns for list type, subject type, category, severity and unit, and date checks', async () => {
    const ws = (await load(await buildTemplate(OPTIONS))).getWorksheet('名单');
    const model = (ws as unknown as { dataValidations: Validations }).dataValidations.model;
    const byColumn = (letter: string) =>
      Object.entries(model).find(([range]) => range.startsWith(letter))?.[1];
    expect(byColumn('A')?.formulae).toEqual(['"红名单,黑名单"']);
    expect(byColumn('B')?.formulae).toEqual(["'选项'!$A$2:$A$4"]);
    expect(byColumn('C')?.formulae).toEqual(['"法人及非法人组织,个体工商户,自然人"']);
    expect(byColumn('J')).toMatchObject({ type: 'list', formulae: ["'选项'!$C$2:$C$3"] });
    expect(byColumn('J')?.showErrorMessage).toBeFalsy();
    expect(byColumn('L')?.formulae).toEqual(['"轻微,一般,严重"']);
    for (const letter of ['K', 'M', 'N']) expect(byColumn(letter)?.type).toBe('date');
  });

  it('explains every column, and the ID masking, on 填写说明; keeps the lists on a hidden sheet', async () => {
    const wb = await load(await buildTemplate(OPTIONS));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['名单', '填写说明', '选项']);
    expect(wb.getWorksheet('选项')?.state).toBe('hidden');
    const guide = wb.getWorksheet('填写说明');
    const texts: string[] = [];
    guide?.eachRow((row) => {
      texts.push((row.values as unknown[]).filter(Boolean).join(' '));
    });
    for (const c of IMPORT_COLUMNS)
      expect(texts.some((t) => t.startsWith(`${c.label} ${c.required ? '必填' : '选填'}`))).toBe(true);
    const all = texts.join('\n');
    expect(all).toContain('110105********002X');
    expect(all).toContain('完整号码不会被保存');
  });

  it('works without categories or units', async () => {
    const result = await readImportFile(await buildTemplate({ categories: [], units: [] }), LIMITS);
    expect(result.ok && result.rows[0]?.cells.category).toBe('A级纳税人');
  });
});
