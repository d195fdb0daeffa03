import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, matchHeader, normaliseHeader } from './columns.js';
import { findHeader } from './header.js';

describe('normaliseHeader', () => {
  it.each([
    ['主体名称', '主体名称'],
    [' 主体名称 ', '主体名称'],
    ['主体\u3000名称', '主体名称'],
    ['*主体名称', '主体名称'],
    ['＊主体名称：', '主体名称'],
    ['主体名称:', '主体名称'],
    ['主体名称（必填）', '主体名称'],
    ['主体名称(必填)', '主体名称'],
    ['【必填】主体名称', '主体名称'],
    ['主体\n名称', '主体名称'],
    ['法定代表人（负责人）', '法定代表人'],
  ])('%j -> %s', (text, norm) => {
    expect(normaliseHeader(text)).toBe(norm);
  });
});

describe('matchHeader', () => {
  it('matches every listed variant of every column', () => {
    for (const c of IMPORT_COLUMNS) {
      for (const v of c.variants) expect(matchHeader(v), v).toEqual({ kind: 'field', field: c.field });
    }
  });

  it.each([
    ['统一社会信用代码/证件号码', 'code'],
    ['统一社会信用代码（身份证号码）', 'code'],
    ['失信行为／守信事由', 'reason'],
    ['法定代表人（负责人）', 'legalRep'],
    ['*认定日期(必填)', 'decisionDate'],
    ['名单类型', 'listType'],
    ['类型', 'subjectType'],
  ])('%s -> %s', (text, field) => {
    expect(matchHeader(text)).toEqual({ kind: 'field', field });
  });

  it('recognises a phone column only to drop it, and 序号 to ignore it', () => {
    expect(matchHeader('联系电话')).toEqual({ kind: 'drop' });
    expect(matchHeader('序号')).toEqual({ kind: 'silent' });
  });

  it('does not know other columns', () => {
    expect(matchHeader('备注')).toBeNull();
    expect(matchHeader('')).toBeNull();
    expect(matchHeader('（必填）')).toBeNull();
  });
});

describe('findHeader', () => {
  const header = [
    '序号',
    '主体类型',
    '主体名称',
    '统一社会信用代码',
    '失信行为',
    '文号',
    '认定部门',
    '认定日期',
  ];

  it('picks the row naming the most columns, below title rows', () => {
    const rows = [
      { row: 1, texts: [undefined, '2026年第一季度失信黑名单'] },
      { row: 2, texts: [undefined, '填报单位：测试局'] },
      { row: 3, texts: [undefined, ...header] },
      { row: 4, texts: [undefined, '1', '法人及非法人组织', '测试企业'] },
    ];
    const { best, recognised } = findHeader(rows);
    expect(recognised).toBe(true);
    expect(best?.row).toBe(3);
    expect(best?.columns.map((c) => [c.field, c.index])).toEqual([
      ['subjectType', 2],
      ['name', 3],
      ['code', 4],
      ['reason', 5],
      ['docNo', 6],
      ['authority', 7],
      ['decisionDate', 8],
    ]);
  });

  it('needs three required columns', () => {
    const rows = [{ row: 1, texts: [undefined, '主体名称', '统一社会信用代码', '备注', '法定代表人'] }];
    const { best, recognised } = findHeader(rows);
    expect(recognised).toBe(false);
    expect(best?.columns).toHaveLength(3);
  });
});
