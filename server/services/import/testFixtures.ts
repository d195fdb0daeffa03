import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { inflateEntry, readZipEntries } from './zip.js';

/** Test helpers: workbooks and archives built in memory, all data fictitious. */

export const LIMITS = { maxBytes: 20 * 1024 * 1024, maxRows: 100_000, maxCellChars: 2000 };

export const HEADER = [
  '主体类型',
  '主体名称',
  '统一社会信用代码',
  '失信行为',
  '决定书文号',
  '认定部门',
  '认定日期',
];

/** A valid data row for HEADER; `i` varies the name and document number. */
export function dataRow(i: number, date: unknown = '2020-10-30'): unknown[] {
  return [
    '法人及非法人组织',
    `测试企业${i}`,
    '91350100M000100Y43',
    '未按期申报',
    `测罚〔2020〕${i}号`,
    '测试局',
    date,
  ];
}

export type SheetSpec = {
  name?: string;
  rows: unknown[][];
  hidden?: boolean;
  /** Number formats by 1-based column. */
  numFmt?: Record<number, string>;
};

/** An xlsx with the given sheets, written by exceljs. */
export async function xlsx(...sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((spec, n) => {
    const ws = wb.addWorksheet(spec.name ?? `Sheet${n + 1}`);
    for (const r of spec.rows) ws.addRow(r);
    for (const [col, fmt] of Object.entries(spec.numFmt ?? {})) ws.getColumn(Number(col)).numFmt = fmt;
    if (spec.hidden) ws.state = 'hidden';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The files of a ZIP, directories left out, in the order they are stored. */
export function unzip(buf: Buffer): { name: string; data: Buffer }[] {
  const entries = (readZipEntries(buf) ?? []).sort((a, b) => a.localOffset - b.localOffset);
  return entries
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => ({ name: e.name, data: inflateEntry(buf, e) ?? Buffer.alloc(0) }));
}

/** One file for `zip`; `deflated` is data already compressed, `declaredSize` a size to claim instead of the real one. */
export type ZipFile = {
  name: string;
  data: string | Buffer;
  deflate?: boolean;
  deflated?: Buffer;
  declaredSize?: number;
  method?: number;
};

/** A ZIP of the given files in the given order, stored or (with `deflate`) compressed. */
export function zip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const raw = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
    const crc = crc32(raw);
    const data = f.deflated ?? (f.deflate ? deflateRawSync(raw) : raw);
    const method = f.method ?? (f.deflate || f.deflated ? 8 : 0);
    const size = f.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
