import { describe, expect, it } from 'vitest';
import { readImportFile } from './read.js';
import { dataRow, HEADER, LIMITS, xlsx } from './testFixtures.js';

describe('readImportFile on a large workbook', () => {
  it('streams 20 000 rows and reports progress against the sheet size', async () => {
    const n = 20_000;
    const rows = Array.from({ length: n }, (_, i) => dataRow(i, 44134 + (i % 365)));
    const buf = await xlsx({ rows: [['2026年第一季度失信黑名单'], HEADER, ...rows] });
    const calls: [number, number][] = [];
    const result = await readImportFile(buf, LIMITS, (done, total) => calls.push([done, total]));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rows).toHaveLength(n);
    expect(result.rows[n - 1]).toMatchObject({ row: n + 2, cells: { name: `测试企业${n - 1}` } });
    expect(calls).toHaveLength(n / 1000 + 1);
    expect(calls[0]).toEqual([1000, n]);
    expect(calls.at(-1)).toEqual([n, n]);
    expect(
      calls.every(([done, total], i) => done <= total && (i === 0 || done >= (calls[i - 1]?.[0] ?? 0))),
    ).toBe(true);
  }, 60_000);
});
