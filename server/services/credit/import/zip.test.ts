// The failure cases ZIP readers such as yauzl test themselves against, for the reader we kept
// (see the comment at the top of zip.ts): cut-short archives and damaged compressed data.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './read.js';
import { dataRow, HEADER, LIMITS, unzip, xlsx, zip } from './testFixtures.js';
import { readZipEntries } from './zip.js';

const workbook = () => xlsx({ rows: [HEADER, ...Array.from({ length: 50 }, (_, i) => dataRow(i))] });

describe('the ZIP reader on damaged archives', () => {
  it('answers file_corrupt for a workbook cut short anywhere past its first part', async () => {
    const buf = await workbook();
    for (const cut of [buf.length - 1, buf.length - 22, buf.length - 100, Math.floor(buf.length / 2)]) {
      expect(readZipEntries(buf.subarray(0, cut))).toBeNull();
      const result = await readImportFile(buf.subarray(0, cut), LIMITS);
      expect(result, `cut at ${cut}`).toMatchObject({
        ok: false,
        status: 422,
        errors: [{ code: 'file_corrupt' }],
      });
    }
  });

  it('refuses, without throwing, an archive cut inside its first local header', async () => {
    const buf = await workbook();
    const result = await readImportFile(buf.subarray(0, 40), LIMITS);
    expect(result.ok).toBe(false);
  });

  it('answers file_corrupt for a sheet whose deflate stream stops early, the directory intact', async () => {
    const files = unzip(await workbook()).map((f) =>
      f.name === 'xl/worksheets/sheet1.xml'
        ? { ...f, deflated: deflateRawSync(f.data).subarray(0, 200), declaredSize: f.data.length }
        : { ...f, deflate: true },
    );
    const result = await readImportFile(zip(files), LIMITS);
    expect(result).toMatchObject({ ok: false, status: 422, errors: [{ code: 'file_corrupt' }] });
  });

  it('answers file_corrupt for a sheet whose deflate data is garbage', async () => {
    const files = unzip(await workbook()).map((f) =>
      f.name === 'xl/worksheets/sheet1.xml'
        ? { ...f, deflated: Buffer.alloc(500, 0xff), declaredSize: f.data.length }
        : { ...f, deflate: true },
    );
    const result = await readImportFile(zip(files), LIMITS);
    expect(result).toMatchObject({ ok: false, status: 422, errors: [{ code: 'file_corrupt' }] });
  });
});
