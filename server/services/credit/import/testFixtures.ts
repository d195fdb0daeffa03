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

/**
 * The same ZIP with ZIP64 records, as some writers always produce: every size and offset in the
 * central directory moved to a ZIP64 extra field, and the directory found through a ZIP64 end record.
 */
export function toZip64(buf: Buffer): Buffer {
  const eocd = buf.length - 22;
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const records: Buffer[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const rec = Buffer.from(buf.subarray(p, p + 46 + nameLen));
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(rec.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(rec.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(rec.readUInt32LE(42)), 20);
    for (const at of [20, 24, 42]) rec.writeUInt32LE(0xffffffff, at);
    rec.writeUInt16LE(extra.length, 30);
    records.push(rec, extra);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  const cd = Buffer.concat(records);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeBigUInt64LE(BigInt(count), 24);
  end64.writeBigUInt64LE(BigInt(count), 32);
  end64.writeBigUInt64LE(BigInt(cd.length), 40);
  end64.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdOffset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([buf.subarray(0, cdOffset), cd, end64, locator, end]);
}
