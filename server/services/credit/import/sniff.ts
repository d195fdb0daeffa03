import { type FileIssue, fileIssue } from './issues.js';
import { readZipEntries, type ZipEntry } from './zip.js';

/** What the bytes are, decided by content only: the file name and its extension are never trusted. */
export type Sniffed =
  | { kind: 'xlsx'; entries: ZipEntry[] | null }
  | { kind: 'csv' }
  | { kind: 'error'; issue: FileIssue };

export const NOT_XLSX = '文件不是有效的 Excel 工作簿（.xlsx），请用 Excel 另存为 .xlsx 或 CSV 后重新上传';

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文档' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩包' },
];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function notXlsx(what: string): Sniffed {
  return { kind: 'error', issue: fileIssue('file_type', `${NOT_XLSX}（检测到的是${what}）`) };
}

function sniffZip(buf: Buffer): Sniffed {
  const entries = readZipEntries(buf);
  // Names are stored uncompressed in the local headers too: a damaged directory can still be recognised.
  const has = (name: string) =>
    entries ? entries.some((e) => e.name === name) : buf.includes(name, 0, 'latin1');
  if (has('[Content_Types].xml') && has('xl/workbook.xml')) return { kind: 'xlsx', entries };
  // No readable directory: likely a cut-short upload; it is reported damaged (never unzipped sequentially).
  if (!entries && has('[Content_Types].xml') && has('xl/')) return { kind: 'xlsx', entries };
  if (has('word/document.xml')) return notXlsx(' Word 文档');
  if (has('mimetype') && buf.includes('opendocument.spreadsheet', 0, 'latin1')) return notXlsx(' ODS 表格');
  return notXlsx(' ZIP 压缩包');
}

function looksBinary(buf: Buffer): boolean {
  if (startsWith(buf, [0xff, 0xfe])) return false;
  const head = buf.subarray(0, 8192);
  return head.includes(0);
}

/** Decides how to read an upload, or says in Chinese why it cannot be read. */
export function sniffFile(buf: Buffer): Sniffed {
  if (buf.length === 0)
    return { kind: 'error', issue: fileIssue('file_empty', '文件是空的，请检查后重新上传') };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06]))
    return sniffZip(buf);
  if (startsWith(buf, OLE)) {
    const message =
      '这是旧版 Excel 97-2003 工作簿（.xls）或设置了打开密码的文件，系统无法读取。' +
      '请用 Excel 打开后“另存为” Excel 工作簿（.xlsx）（如有打开密码请先取消）再上传';
    return { kind: 'error', issue: fileIssue('file_xls', message) };
  }
  const magic = MAGIC.find((m) => startsWith(buf, m.bytes));
  if (magic) return notXlsx(magic.what);
  if (looksBinary(buf)) return notXlsx('无法识别的二进制文件');
  const head = buf
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(\?xml|html|!doctype|table)/.test(head))
    return notXlsx('网页或 XML 格式的表格（常见于业务系统导出的“.xls”）');
  return { kind: 'csv' };
}
