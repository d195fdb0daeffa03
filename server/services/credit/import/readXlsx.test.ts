import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ReadResult, readImportFile } from './read.js';
import { dataRow, HEADER, LIMITS, toZip64, unzip, xlsx, zip } from './testFixtures.js';

type Ok = Extract<ReadResult, { ok: true }>;

async function readOk(buf: Buffer, limits = LIMITS): Promise<Ok> {
  const result = await readImportFile(buf, limits);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

/** Re-zips a workbook in the order Excel writes it: workbook first, shared strings after the sheets. */
function excelOrder(buf: Buffer): Buffer {
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
  const rank = (n: string) => (first.includes(n) ? 0 : n.startsWith('xl/worksheets/') ? 1 : 2);
  return zip(unzip(buf).sort((a, b) => rank(a.name) - rank(b.name)));
}

describe('readImportFile (xlsx)', () => {
  it('finds the header below title rows and reads the rows with their sheet row numbers', async () => {
    const buf = await xlsx({
      name: '黑名单',
      rows: [['2026年第一季度失信黑名单'], ['填报单位：测试局'], HEADER, dataRow(1), [], dataRow(2)],
    });
    const result = await readOk(buf);
    expect(result).toMatchObject({ format: 'xlsx', sheetName: '黑名单', headerRow: 3, warnings: [] });
    expect(result.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(result.rows[0]?.cells).toEqual({
      subjectType: '法人及非法人组织',
      name: '测试企业1',
      code: '91350100M000100Y43',
      reason: '未按期申报',
      docNo: '测罚〔2020〕1号',
      authority: '测试局',
      decisionDate: '2020-10-30',
    });
    expect(result.columns[0]).toEqual({ field: 'subjectType', header: '主体类型', index: 1 });
  });

  it('reads the same in the part order Excel writes', async () => {
    const buf = await xlsx({
      rows: [HEADER, dataRow(1, new Date(Date.UTC(2020, 9, 30)))],
      numFmt: { 7: 'yyyy/m/d' },
    });
    const reordered = excelOrder(buf);
    expect((await readOk(reordered)).rows).toEqual((await readOk(buf)).rows);
  });

  it('reads variant headers with notes, full-width marks and extra columns', async () => {
    const header = [
      '序号',
      '*类型',
      '企业名称（必填）',
      '统一社会信用代码/身份证号码',
      '法定代表人（负责人）',
      '失信事实：',
      '认定依据',
      '文号',
      '作出决定机关',
      '作出决定日期',
      '严重程度',
      '公示期限至',
      '联系电话',
      '备注',
    ];
    const row = [
      '1',
      '个体工商户',
      '测试小吃店',
      '92350100MA2XXXXX1X',
      '王某',
      '事实',
      '依据',
      '文1',
      '局',
      '2020-10-30',
      '一般',
      '2023-10-30',
      '13800001234',
      '无',
    ];
    const result = await readOk(await xlsx({ rows: [header, row] }));
    expect(result.columns.map((c) => c.field)).toEqual([
      'subjectType',
      'name',
      'code',
      'legalRep',
      'reason',
      'basis',
      'docNo',
      'authority',
      'decisionDate',
      'severity',
      'publishUntil',
    ]);
    expect(result.rows[0]?.cells).not.toHaveProperty('phone');
    expect(JSON.stringify(result)).not.toContain('13800001234');
    expect(result.warnings.map((w) => [w.code, w.column])).toEqual([
      ['column_dropped', '联系电话'],
      ['column_unknown', '备注'],
    ]);
  });

  it('warns about a duplicate column and keeps the first', async () => {
    const result = await readOk(
      await xlsx({
        rows: [
          [...HEADER, '名称'],
          [...dataRow(1), '另一个名称'],
        ],
      }),
    );
    expect(result.rows[0]?.cells.name).toBe('测试企业1');
    expect(result.warnings).toMatchObject([{ code: 'column_duplicate', column: '名称' }]);
  });

  it('names each missing required column in Chinese', async () => {
    const header = ['主体类型', '主体名称', '统一社会信用代码', '失信行为', '认定日期'];
    const result = await readImportFile(await xlsx({ rows: [header, ['a', 'b', 'c', 'd', 'e']] }), LIMITS);
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      errors: [
        { code: 'column_missing', column: '决定书文号' },
        { code: 'column_missing', column: '认定部门' },
      ],
    });
    expect(!result.ok && result.errors[0]?.message).toContain('缺少必填列「决定书文号」');
  });

  it('still names missing columns when too few are there to count as a header', async () => {
    const result = await readImportFile(
      await xlsx({
        rows: [
          ['主体名称', '统一社会信用代码', '备注'],
          ['a', 'b', 'c'],
        ],
      }),
      LIMITS,
    );
    expect(!result.ok && result.errors.map((e) => e.column)).toEqual([
      '主体类型',
      '列入事由',
      '决定书文号',
      '认定部门',
      '认定日期',
    ]);
  });

  it('says when there is no header at all, or no data under it', async () => {
    const noHeader = await readImportFile(await xlsx({ rows: [['随便写的'], ['内容']] }), LIMITS);
    expect(noHeader).toMatchObject({ ok: false, status: 422, errors: [{ code: 'header_not_found' }] });
    const headerOnly = await readImportFile(await xlsx({ rows: [HEADER] }), LIMITS);
    expect(headerOnly).toMatchObject({ ok: false, status: 422, errors: [{ code: 'rows_empty' }] });
    const blank = await readImportFile(await xlsx({ rows: [] }), LIMITS);
    expect(blank).toMatchObject({ ok: false, status: 400, errors: [{ code: 'file_empty' }] });
  });

  it('reads the first sheet with a header, skipping hidden sheets and a cover sheet', async () => {
    const cover = { name: '封面', rows: Array.from({ length: 30 }, (_, i) => [`说明第 ${i + 1} 行`]) };
    const hidden = { name: '隐藏', rows: [HEADER, dataRow(9)], hidden: true };
    const list = { name: '名单', rows: [HEADER, dataRow(1)] };
    const result = await readOk(await xlsx(hidden, cover, list));
    expect(result.sheetName).toBe('名单');
    expect(result.rows.map((r) => r.cells.name)).toEqual(['测试企业1']);
    expect(result.warnings).toMatchObject([
      { code: 'sheet_skipped', message: expect.stringContaining('封面') },
    ]);
  });

  it('rejects too many rows with the limit in the message', async () => {
    const rows = [HEADER, ...Array.from({ length: 6 }, (_, i) => dataRow(i))];
    const result = await readImportFile(await xlsx({ rows }), { ...LIMITS, maxRows: 5 });
    expect(result).toMatchObject({ ok: false, status: 422, errors: [{ code: 'too_many_rows' }] });
    expect(!result.ok && result.errors[0]?.message).toContain('5 行');
    expect((await readImportFile(await xlsx({ rows }), { ...LIMITS, maxRows: 6 })).ok).toBe(true);
  });

  it('rejects a file over the size limit with 413', async () => {
    const buf = await xlsx({ rows: [HEADER, dataRow(1)] });
    const result = await readImportFile(buf, { ...LIMITS, maxBytes: 1024 });
    expect(result).toMatchObject({ ok: false, status: 413, errors: [{ code: 'file_too_large' }] });
    expect(!result.ok && result.errors[0]?.message).toContain('MB');
  });

  it('rejects a workbook that would inflate far past the size limit', async () => {
    const files = unzip(await xlsx({ rows: [HEADER, dataRow(1)] }));
    const bomb = zip([
      ...files,
      { name: 'xl/media/image1.png', data: Buffer.alloc(8 * 1024 * 1024), deflate: true },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const result = await readImportFile(bomb, { ...LIMITS, maxBytes: 100 * 1024 });
    expect(result).toMatchObject({ ok: false, status: 413, errors: [{ code: 'file_too_large' }] });
  });

  it('flags a cell that is too long in its row and truncates it', async () => {
    const long = dataRow(1);
    long[3] = '很'.repeat(30);
    const result = await readOk(await xlsx({ rows: [HEADER, long, dataRow(2)] }), {
      ...LIMITS,
      maxCellChars: 20,
    });
    expect(result.rows[0]?.issues).toMatchObject([{ code: 'cell_too_long', column: '列入事由' }]);
    expect(result.rows[0]?.cells.reason).toHaveLength(20);
    expect(result.rows[1]?.issues).toEqual([]);
  });
});

describe('readImportFile (xlsx cell values)', () => {
  it('reads date cells, serials and date text in every format', async () => {
    const values: unknown[] = [
      new Date(Date.UTC(2020, 9, 30)),
      new Date(Date.UTC(2020, 9, 30, 23, 30)),
      44134,
      20201030,
      '2020-10-30',
      '2020/10/30',
      '2020.10.30',
      '2020年10月30日',
      '20201030',
      '2020-1-5',
      '2020年1月5日',
      ' 2020/1/5 ',
    ];
    const rows = values.map((v, i) => dataRow(i, v));
    const result = await readOk(await xlsx({ rows: [HEADER, ...rows], numFmt: { 7: 'yyyy-mm-dd' } }));
    expect(result.rows.map((r) => r.cells.decisionDate)).toEqual([
      ...Array(9).fill('2020-10-30'),
      '2020-01-05',
      '2020-01-05',
      '2020-01-05',
    ]);
    expect(result.rows.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('reports an impossible date and keeps what was written', async () => {
    const result = await readOk(await xlsx({ rows: [HEADER, dataRow(1, '2020-02-30'), dataRow(2, '下月')] }));
    expect(result.rows.map((r) => r.cells.decisionDate)).toEqual(['2020-02-30', '下月']);
    expect(result.rows[0]?.issues).toMatchObject([{ code: 'date_invalid', column: '认定日期' }]);
    expect(result.rows[0]?.issues[0]?.message).toContain('2020-02-30');
  });

  it('takes a formula’s cached result and lists the field', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(HEADER);
    ws.addRow(dataRow(1));
    ws.addRow(dataRow(2));
    ws.addRow(dataRow(3));
    ws.getCell('B2').value = { formula: '"测试"&"企业甲"', result: '测试企业甲' };
    ws.getCell('G3').value = { formula: 'DATE(2020,10,30)', result: 44134 };
    ws.getCell('B3').value = { sharedFormula: 'B2', result: '测试企业乙' } as ExcelJS.CellValue;
    ws.getCell('F4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    ws.getCell('C4').value = { error: '#N/A' } as ExcelJS.CellValue;
    // Formulas filled down past the data that were never calculated do not make rows.
    ws.getCell('B5').value = { formula: 'B4' } as ExcelJS.CellValue;
    const result = await readOk(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result.rows).toHaveLength(3);
    expect(result.rows[0]).toMatchObject({ cells: { name: '测试企业甲' }, formulaFields: ['name'] });
    expect(result.rows[1]).toMatchObject({
      cells: { name: '测试企业乙', decisionDate: '2020-10-30' },
      formulaFields: ['name', 'decisionDate'],
    });
    expect(result.rows[2]?.cells.authority).toBeUndefined();
    expect(result.rows[2]?.issues).toMatchObject([
      { code: 'cell_error', column: '统一社会信用代码' },
      { code: 'formula_no_result', column: '认定部门' },
    ]);
  });

  it('flattens rich text and hyperlinks, and trims', async () => {
    const row = dataRow(1);
    row[1] = { richText: [{ text: '  测试' }, { font: { bold: true }, text: '企业 ' }] };
    row[5] = { text: '测试局', hyperlink: 'https://example.org' };
    row[3] = '\u3000未按期申报\u200b ';
    const result = await readOk(await xlsx({ rows: [HEADER, row] }));
    expect(result.rows[0]?.cells).toMatchObject({
      name: '测试企业',
      authority: '测试局',
      reason: '未按期申报',
    });
  });

  it('turns numbers into text without exponents and flags an ID number stored as a number', async () => {
    const id = dataRow(1);
    id[2] = Number('110105194912310002'); // a double keeps ~16 digits and Excel 15: stored as ...000
    const legacy = dataRow(2);
    legacy[2] = 110105491231002; // 15 digits: exact
    const numericDoc = dataRow(3);
    numericDoc[4] = 20201234;
    const result = await readOk(await xlsx({ rows: [HEADER, id, legacy, numericDoc] }));
    expect(result.rows.map((r) => r.cells.code)).toEqual([
      '110105194912310000',
      '110105491231002',
      '91350100M000100Y43',
    ]);
    expect(result.rows[2]?.cells.docNo).toBe('20201234');
    expect(result.rows[0]?.issues).toMatchObject([
      { code: 'code_numeric_precision', column: '统一社会信用代码' },
    ]);
    expect(result.rows[0]?.issues[0]?.message).toContain('110105********0000');
    expect(result.rows[0]?.issues[0]?.message).not.toContain('110105194912310000');
    expect(result.rows[1]?.issues).toEqual([]);
  });

  it('masks ID numbers in every message, even in an unknown header', async () => {
    const header = [...HEADER, '11010519491231002X'];
    const row = dataRow(1, '11010519491231002X');
    const result = await readOk(await xlsx({ rows: [header, row] }));
    const messages = JSON.stringify([result.warnings, result.rows[0]?.issues]);
    expect(messages).not.toContain('11010519491231002X');
    expect(messages).toContain('110105********002X');
  });

  it('skips rows with nothing to import, such as pre-numbered empty rows', async () => {
    const header = ['序号', ...HEADER];
    const result = await readOk(await xlsx({ rows: [header, ['1', ...dataRow(1)], ['2'], ['3', '', '  ']] }));
    expect(result.rows.map((r) => r.row)).toEqual([2]);
  });
});

describe('readImportFile (xlsx dates that are not dates)', () => {
  it('reports a serial or a boolean that is no date', async () => {
    const result = await readOk(
      await xlsx({ rows: [HEADER, dataRow(1, -5), dataRow(2, true), dataRow(3, 3_000_000)] }),
    );
    expect(result.rows.map((r) => [r.cells.decisionDate, r.issues.map((i) => i.code)])).toEqual([
      ['-5', ['date_invalid']],
      ['TRUE', ['date_invalid']],
      ['3000000', ['date_invalid']],
    ]);
  });
});

describe('readImportFile (1904 date system)', () => {
  it('reads dates and serials of a workbook saved with the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('名单');
    ws.addRow(HEADER);
    ws.addRow(dataRow(1, new Date(Date.UTC(2020, 9, 30))));
    ws.addRow(dataRow(2, 42672));
    ws.getColumn(7).numFmt = 'yyyy-mm-dd';
    ws.getCell('G3').numFmt = 'General';
    const result = await readOk(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result.rows.map((r) => r.cells.decisionDate)).toEqual(['2020-10-30', '2020-10-30']);
  });
});

describe('readImportFile (a minimal workbook from another generator)', () => {
  it('reads inline strings with no shared strings or styles part', async () => {
    const cell = (ref: string, v: string | number) =>
      typeof v === 'number'
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const row = (r: number, values: (string | number)[]) =>
      `<row r="${r}">${values.map((v, i) => cell(`${String.fromCharCode(65 + i)}${r}`, v)).join('')}</row>`;
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `${row(1, HEADER)}${row(2, ['自然人', '李某', '110105491231002', '事由', '文1', '局', 44134])}` +
      '</sheetData></worksheet>';
    const buf = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      {
        name: 'xl/workbook.xml',
        data: '<workbook xmlns:r="r"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, deflate: true },
    ]);
    const result = await readOk(buf);
    expect(result.sheetName).toBe('数据');
    expect(result.rows[0]?.cells).toMatchObject({
      name: '李某',
      code: '110105491231002',
      decisionDate: '2020-10-30',
    });
  });
});

describe('readImportFile (a workbook whose sheet list does not resolve)', () => {
  it('reads its sheet parts in number order', async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1">${HEADER.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>` +
      `<row r="2">${dataRow(7)
        .map((v, i) => `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${v}</t></is></c>`)
        .join('')}</row></sheetData></worksheet>`;
    const buf = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook><sheets></sheets></workbook>' },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, deflate: true },
    ]);
    const result = await readOk(buf);
    expect(result.rows[0]?.cells.name).toBe('测试企业7');
  });
});

describe('readImportFile (ZIP64)', () => {
  it('reads a workbook whose directory is written with ZIP64 records', async () => {
    const buf = toZip64(
      zip(unzip(await xlsx({ rows: [HEADER, dataRow(3)] })).map((f) => ({ ...f, deflate: true }))),
    );
    const result = await readOk(buf);
    expect(result.rows[0]?.cells.name).toBe('测试企业3');
  });
});
