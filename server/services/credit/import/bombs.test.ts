import { describe, expect, it } from 'vitest';
import {
  amplifiedStrings,
  billionLaughs,
  csvWithCell,
  deepXml,
  deflatedPart,
  honestCellBomb,
  honestHugePart,
  lyingCellBomb,
  manySheets,
  nestedZip,
  overlappingEntries,
  sharedStringCellBomb,
  sharedStringsBomb,
  workbookWith,
  workbookWithSync,
} from './bombFixtures.js';
import { InflateBudget } from './limits.js';
import { readImportFile } from './read.js';
import type { ReadLimits } from './rows.js';
import { LIMITS, zip } from './testFixtures.js';
import { inflateChunks, readZipEntries } from './zip.js';

const MB = 1024 * 1024;
/** A small inflate limit, so each bomb costs the test little. */
const SMALL = { ...LIMITS, maxInflatedBytes: 30 * MB };

async function refused(buf: Buffer, limits: ReadLimits = SMALL) {
  const started = performance.now();
  const result = await readImportFile(buf, limits);
  const ms = performance.now() - started;
  if (result.ok) throw new Error('bomb was accepted');
  return {
    status: result.status,
    code: result.errors[0]?.code,
    message: result.errors[0]?.message ?? '',
    ms,
  };
}

describe('readImportFile on ZIP bombs', () => {
  it('stops a 200 MB cell behind a 4 KB declared size at once, with 413 and what to do', async () => {
    const bomb = await lyingCellBomb(200 * MB);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const r = await refused(bomb, LIMITS);
    expect(r).toMatchObject({ status: 413, code: 'file_inflated_too_large' });
    expect(r.message).toContain('xl/worksheets/sheet1.xml');
    expect(r.message).toMatch(/压缩炸弹.*另存为普通 xlsx 或 csv/);
    expect(r.ms).toBeLessThan(2000);
  });

  it('stops a huge cell whose size is declared honestly while the cell is read (text-run limit)', async () => {
    const r = await refused(await honestCellBomb(20 * MB));
    expect(r).toMatchObject({ status: 413, code: 'cell_too_large' });
    expect(r.message).toContain(`${LIMITS.maxCellChars} 个字符`);
    expect(r.ms).toBeLessThan(2000);
  });

  it('refuses an honestly declared part past the inflate limit before inflating anything', async () => {
    const r = await refused(await honestHugePart(40 * MB));
    expect(r).toMatchObject({ status: 413, code: 'file_too_large' });
    expect(r.message).toContain('30 MB');
  });

  it('takes the smaller of the configured limit and 50 times the upload limit', async () => {
    const r = await refused(await honestHugePart(12 * MB), { ...SMALL, maxBytes: 200 * 1024 });
    expect(r).toMatchObject({ status: 413, code: 'file_too_large' });
    expect(r.message).toContain('9.8 MB');
  });

  it('never inflates a part it does not read, even one that lies about its size', async () => {
    const image = await deflatedPart('xl/media/image1.png', [{ repeat: '\0', bytes: 50 * MB }], 4096);
    const buf = await workbookWith([image]);
    const result = await readImportFile(buf, SMALL);
    expect(result).toMatchObject({ ok: true, rows: [{ cells: { name: '测试企业1' } }] });
  });

  it('stops a shared-strings part that inflates past its declared size', async () => {
    const r = await refused(await sharedStringsBomb(50 * MB, 4096));
    expect(r).toMatchObject({ status: 413, code: 'file_inflated_too_large' });
    expect(r.message).toContain('xl/sharedStrings.xml');
  });

  it('refuses honestly declared shared strings past the limit, and one giant shared string', async () => {
    expect(await refused(await sharedStringsBomb(40 * MB))).toMatchObject({
      status: 413,
      code: 'file_too_large',
    });
    expect(await refused(await sharedStringCellBomb(20 * MB))).toMatchObject({
      status: 413,
      code: 'cell_too_large',
    });
  });

  it('refuses more shared strings than the row limit could need, before they fill memory', async () => {
    const r = await refused(await sharedStringsBomb(2 * MB), { ...SMALL, maxRows: 1000 });
    expect(r).toMatchObject({ status: 413, code: 'shared_strings_too_many' });
    expect(r.message).toContain('8000');
  });

  it('refuses one shared string referenced by every cell once the text passes the inflate limit', async () => {
    const r = await refused(await amplifiedStrings(1000), { ...SMALL, maxInflatedBytes: 8 * MB });
    expect(r).toMatchObject({ status: 413, code: 'text_too_large' });
  });

  it('refuses 10,000 directory entries pointing at one local record (the non-recursive bomb)', async () => {
    const bomb = await overlappingEntries(10_000);
    expect(readZipEntries(bomb)).toHaveLength(10_003);
    const r = await refused(bomb);
    expect(r).toMatchObject({ status: 413, code: 'file_too_large' });
    // Small enough in all to pass the declared total: caught as entries that overlap.
    const small = await refused(await overlappingEntries(10_000, 1024));
    expect(small).toMatchObject({ status: 422, code: 'file_corrupt' });
    expect(small.ms).toBeLessThan(5000);
  });

  it('counts every sheet of a many-sheet workbook against the limit', async () => {
    const r = await refused(await manySheets(2000, 64 * 1024), { ...SMALL, maxInflatedBytes: 64 * MB });
    expect(r).toMatchObject({ status: 413, code: 'file_too_large' });
    const lying = await refused(await manySheets(2000, 64 * 1024, 100), {
      ...SMALL,
      maxInflatedBytes: 64 * MB,
    });
    expect(lying).toMatchObject({ status: 413, code: 'file_inflated_too_large' });
  });

  it('reads a workbook that carries a ZIP bomb as an embedded part: just a part it never opens', async () => {
    const result = await readImportFile(await nestedZip(), SMALL);
    expect(result).toMatchObject({ ok: true, rows: [{ cells: { name: '测试企业1' } }] });
  });

  it('does not expand entities a DTD defines (billion laughs)', async () => {
    const r = await refused(billionLaughs());
    expect(r.status).toBe(422);
    expect(r.code).toBe('file_corrupt');
    expect(r.ms).toBeLessThan(2000);
  });

  it('reads XML nested a million deep inside a cell without crashing or stalling', async () => {
    const started = performance.now();
    const result = await readImportFile(deepXml(1_000_000), SMALL);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: true, rows: [{ row: 2 }] });
  });

  it('answers file_corrupt for an unknown compression method and for a workbook with no directory', async () => {
    const sheet = '<worksheet><sheetData></sheetData></worksheet>';
    expect(await refused(workbookWithSync(sheet, 99))).toMatchObject({ status: 422, code: 'file_corrupt' });
    const buf = await workbookWith([]);
    const noDirectory = buf.subarray(0, buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(await refused(noDirectory)).toMatchObject({ status: 422, code: 'file_corrupt' });
  });

  it('keeps a cell a little over the cell limit as a row issue, not a refused file', async () => {
    const result = await readImportFile(await honestCellBomb(3 * 3 * LIMITS.maxCellChars), SMALL);
    expect(result).toMatchObject({ ok: true, rows: [{ issues: [{ code: 'cell_too_long' }] }] });
  });
});

describe('inflateChunks', () => {
  it('stops once the read budget is spent, whatever the entry declares', async () => {
    const buf = zip([{ name: 'a.xml', data: 'x'.repeat(100_000), deflate: true }]);
    const entry = readZipEntries(buf)![0]!;
    const read = async (budget: InflateBudget) => {
      let n = 0;
      for await (const c of inflateChunks(buf, entry, budget)) n += c.length;
      return n;
    };
    expect(await read(new InflateBudget(100_000))).toBe(100_000);
    await expect(read(new InflateBudget(50_000))).rejects.toMatchObject({
      kind: 'inflated',
      issue: { code: 'file_inflated_too_large' },
    });
  });
});

describe('readImportFile on a CSV with a huge cell', () => {
  it('refuses a 19 MB single-cell line while it is parsed, naming the row', async () => {
    const buf = csvWithCell(6_800_000);
    expect(buf.length).toBeGreaterThan(19 * MB);
    const r = await refused(buf);
    expect(r).toMatchObject({ status: 413, code: 'cell_too_large' });
    expect(r.message).toContain('第 2 行');
  });

  it('refuses a quoted field that never closes and runs to the end of the file', async () => {
    const buf = Buffer.from(`主体名称,统一社会信用代码\n"${'x'.repeat(2 * MB)}`, 'utf8');
    expect(await refused(buf)).toMatchObject({ status: 413, code: 'cell_too_large' });
  });
});
