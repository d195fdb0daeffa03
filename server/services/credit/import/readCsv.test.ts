import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './read.js';
import { HEADER, LIMITS } from './testFixtures.js';

const CSV = [
  '2026年第一季度守信红名单',
  `${HEADER.join(',')},联系电话`,
  '法人及非法人组织,"某某科技有限公司（""示范""单位）",91350100M000100Y43,"按期申报,足额缴纳",测税〔2026〕1号,测试局,2026年1月5日,13800001234',
  '',
  '自然人,李某,110105491231002,"第一行',
  '第二行",（2026）测01执1号,测试法院,2026/1/6,',
].join('\r\n');

const EXPECTED = [
  {
    row: 3,
    cells: {
      subjectType: '法人及非法人组织',
      name: '某某科技有限公司（"示范"单位）',
      code: '91350100M000100Y43',
      reason: '按期申报,足额缴纳',
      docNo: '测税〔2026〕1号',
      authority: '测试局',
      decisionDate: '2026-01-05',
    },
    formulaFields: [],
    issues: [],
  },
  {
    row: 5,
    cells: {
      subjectType: '自然人',
      name: '李某',
      code: '110105491231002',
      reason: '第一行\r\n第二行',
      docNo: '（2026）测01执1号',
      authority: '测试法院',
      decisionDate: '2026-01-06',
    },
    formulaFields: [],
    issues: [],
  },
];

describe('readImportFile (csv)', () => {
  it.each([
    ['UTF-8', Buffer.from(CSV, 'utf8'), 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]),
      'utf-8-bom',
    ],
    ['GBK', iconv.encode(CSV, 'gbk'), 'gb18030'],
    [
      'UTF-16LE tab-separated',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV.replace(/,/g, '\t'), 'utf16le')]),
      'utf-16le',
    ],
  ])('reads %s with a title row, quotes and an embedded line break', async (_name, buf, encoding) => {
    const result = await readImportFile(buf, LIMITS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result).toMatchObject({ format: 'csv', encoding, headerRow: 2 });
    const rows =
      encoding === 'utf-16le'
        ? EXPECTED.map((r, i) =>
            i === 0 ? { ...r, cells: { ...r.cells, reason: '按期申报\t足额缴纳' } } : r,
          )
        : EXPECTED;
    expect(result.rows).toEqual(rows);
    expect(result.warnings.map((w) => w.code)).toEqual(['column_dropped']);
    expect(JSON.stringify(result)).not.toContain('13800001234');
  });

  it('flags a code Excel wrote in scientific notation', async () => {
    const csv = `${HEADER.join(',')}\n自然人,李某,1.10105E+17,事由,文1,局,2026-01-05\n`;
    const result = await readImportFile(Buffer.from(csv), LIMITS);
    expect(result.ok && result.rows[0]?.issues).toMatchObject([{ code: 'code_numeric_precision' }]);
  });

  it('reports dates it cannot read', async () => {
    const csv = `${HEADER.join(',')}\n自然人,李某,1,事由,文1,局,2026-02-30\n`;
    const result = await readImportFile(Buffer.from(csv), LIMITS);
    expect(result.ok && result.rows[0]).toMatchObject({
      cells: { decisionDate: '2026-02-30' },
      issues: [{ code: 'date_invalid' }],
    });
  });

  it('applies the row and cell limits', async () => {
    const body = Array.from({ length: 4 }, (_, i) => `自然人,李某${i},1,事由,文${i},局,2026-01-05`);
    const csv = [HEADER.join(','), ...body].join('\n');
    const tooMany = await readImportFile(Buffer.from(csv), { ...LIMITS, maxRows: 3 });
    expect(tooMany).toMatchObject({ ok: false, status: 422, errors: [{ code: 'too_many_rows' }] });
    const long = await readImportFile(Buffer.from(csv), { ...LIMITS, maxCellChars: 2 });
    expect(long.ok && long.rows[0]?.issues.map((i) => i.column)).toEqual([
      '主体类型',
      '主体名称',
      '认定日期',
    ]);
  });

  it('treats a file of blank lines as empty, and text without a header as unreadable', async () => {
    expect(await readImportFile(Buffer.from('\r\n , \r\n'), LIMITS)).toMatchObject({
      status: 400,
      errors: [{ code: 'file_empty' }],
    });
    expect(await readImportFile(Buffer.from('hello,world\n'), LIMITS)).toMatchObject({
      status: 422,
      errors: [{ code: 'header_not_found' }],
    });
  });
  it('reads a BOM right before a quoted first header cell, and a quoted line break in the last row', async () => {
    const head = HEADER.map((h) => `"${h}"`).join(',');
    const csv = `\uFEFF${head}\r\n自然人,李某,1,"事由\r\n第二行",文1,局,2026-01-05`;
    const result = await readImportFile(Buffer.from(csv, 'utf8'), LIMITS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result).toMatchObject({ encoding: 'utf-8-bom', headerRow: 1 });
    expect(result.columns.map((c) => c.header)).toEqual(HEADER);
    expect(result.rows).toMatchObject([{ row: 2, cells: { reason: '事由\r\n第二行' } }]);
  });
});
