import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { lyingCellBomb } from '../../server/services/credit/import/bombFixtures.js';
import { dataRow, HEADER, toZip64, unzip, zip } from '../../server/services/credit/import/testFixtures.js';
import { HEADER as CREDIT_HEADER, csv, orgRow } from '../../server/test/creditFixtures.js';

/** A fixed instant for workbook properties, so the same seed mutates the same bytes on every run. */
const FIXED = new Date('2026-11-01T00:00:00Z');

/** An xlsx with fixed properties and ZIP timestamps: the same bytes every run. */
async function fixedXlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  const files = unzip(Buffer.from(await wb.xlsx.writeBuffer()));
  return zip(files.map((f) => ({ ...f, deflate: true })));
}

/** The files the fuzzer starts from, and one hash over them all (printed, to check a replay). */
export async function fuzzBases(): Promise<{ bases: { name: string; file: Buffer }[]; hash: string }> {
  const bases = [
    { name: 'list.xlsx', file: await fixedXlsx([CREDIT_HEADER, orgRow(), orgRow(), orgRow()]) },
    { name: 'list.xlsx', file: await fixedXlsx([HEADER, dataRow(1), dataRow(2)]) },
    { name: 'list.csv', file: csv([orgRow(), orgRow()]) },
    { name: 'zip64.xlsx', file: toZip64(await fixedXlsx([CREDIT_HEADER, orgRow(), orgRow()])) },
    { name: 'bomb.xlsx', file: await lyingCellBomb(4 * 1024 * 1024) },
  ];
  const h = createHash('sha256');
  for (const b of bases) h.update(b.file);
  return { bases, hash: h.digest('hex').slice(0, 12) };
}
