import type { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { RawCell, RawRow } from './cells.js';
import { type ProgressFn, type ReadLimits, SheetRows } from './rows.js';
import { readWorkbookMeta, type SheetMeta } from './xlsxMeta.js';
import { type ZipEntry, zipRecordStream } from './zip.js';

/** What reading a workbook gave: the sheet used, or the first one when none had a header. */
export interface XlsxOutcome {
  sheet: SheetRows;
  sheetName: string;
  /** Sheets read before it that had no header. */
  skipped: string[];
}

/** Parts exceljs needs before any sheet, so sheets stream straight through instead of via temp files. */
const FIRST_PARTS = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
];
/** The only sheet part names exceljs's streaming reader recognises. */
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

type Flattenable = { text?: unknown; richText?: { text: string }[] };

function richText(v: Flattenable): string {
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
  return typeof v.text === 'string' ? v.text : '';
}

function formulaCell(result: unknown): RawCell {
  // exceljs drops an error result (it parses "#N/A" as a number): no result either way.
  if (result === undefined || result === null) return { value: null, formula: true, noResult: true };
  if (typeof result === 'number' && Number.isNaN(result))
    return { value: null, formula: true, noResult: true };
  if (typeof result === 'object' && 'error' in result)
    return { value: null, formula: true, error: String(result.error) };
  if (typeof result === 'object' && !(result instanceof Date))
    return { value: richText(result), formula: true };
  return { value: result as RawCell['value'], formula: true };
}

/** An exceljs cell value to a RawCell: rich text and hyperlinks flattened, formulas to their cached result. */
export function rawCell(v: ExcelJS.CellValue): RawCell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object' || v instanceof Date) return { value: v };
  if ('formula' in v || 'sharedFormula' in v) return formulaCell(v.result);
  if ('error' in v) return { value: null, error: String(v.error) };
  if ('richText' in v || 'text' in v) return { value: richText(v as Flattenable) };
  return undefined;
}

function rawRow(row: ExcelJS.Row): RawRow {
  const out: RawRow = [];
  row.eachCell((cell, col) => {
    out[col] = rawCell(cell.value);
  });
  return out;
}

function readOrder(entries: ZipEntry[], sheets: SheetMeta[]): ZipEntry[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const visible = sheets.filter((s) => !s.hidden);
  const chosen = (visible.length > 0 ? visible : sheets).filter((s) => SHEET_PART.test(s.path));
  const names = [...FIRST_PARTS, ...chosen.map((s) => s.path)];
  return names.map((n) => byName.get(n)).filter((e): e is ZipEntry => e !== undefined);
}

/** Turns byte chunks into strings without cutting a multi-byte character in two. */
async function* wholeCharacters(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * exceljs's streaming reader decodes each inflated chunk on its own, so a CJK character that
 * straddles two chunks turns into U+FFFD (exceljs issues #2063, #2084, still open). Its sheet
 * and shared-string parsers are fed whole characters instead.
 */
function decodeWholeCharacters(reader: unknown): void {
  const r = reader as {
    _parseWorksheet: (it: AsyncIterable<Buffer | string>, sheetNo: string) => unknown;
    _parseSharedStrings: (entry: { setEncoding(e: string): void }) => unknown;
  };
  const sheet = r._parseWorksheet.bind(r);
  const strings = r._parseSharedStrings.bind(r);
  r._parseWorksheet = (it, sheetNo) => sheet(wholeCharacters(it), sheetNo);
  r._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return strings(entry);
  };
}

/** exceljs's streaming reader over the parts we want, and the number of the sheet it is on. */
function openReader(buf: Buffer, entries: ZipEntry[] | null, sheets: SheetMeta[]) {
  const ordered = entries !== null && sheets.length > 0;
  const input = ordered ? zipRecordStream(buf, readOrder(entries, sheets)) : Readable.from([buf]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  decodeWholeCharacters(reader);
  // Parts now come before sheets; a workbook without shared strings would still send every
  // sheet through a temp file unless the reader believes it has them.
  if (ordered) Object.assign(reader, { sharedStrings: [] });
  const at = { sheetNo: '' };
  (reader as unknown as EventEmitter).on('entry', (e: { type: string; id?: string }) => {
    if (e.type === 'worksheet') at.sheetNo = e.id ?? '';
  });
  return { reader, at };
}

/**
 * Streams the workbook with exceljs's WorkbookReader and returns the first visible sheet with a
 * recognisable header, or the first sheet when none has one. Throws what exceljs throws on a
 * damaged file.
 */
export async function readXlsx(
  buf: Buffer,
  entries: ZipEntry[] | null,
  limits: ReadLimits,
  onProgress?: ProgressFn,
): Promise<XlsxOutcome | null> {
  const meta = entries ? readWorkbookMeta(buf, entries) : { sheets: [], date1904: false };
  const { reader, at } = openReader(buf, entries, meta.sheets);
  const skipped: string[] = [];
  let first: XlsxOutcome | null = null;
  for await (const ws of reader) {
    const sheetMeta = meta.sheets.find((s) => s.path === `xl/worksheets/sheet${at.sheetNo}.xml`);
    const lastRow = sheetMeta?.lastRow ?? 0;
    const sheet = new SheetRows(limits, { date1904: meta.date1904, lastRow, onProgress });
    const name = sheetMeta?.name ?? (ws as unknown as { name?: string }).name ?? '';
    for await (const row of ws) {
      if (!sheet.push(row.number, rawRow(row))) break;
    }
    if (sheet.end() || sheet.tooMany) return { sheet, sheetName: name, skipped };
    first ??= { sheet, sheetName: name, skipped: [] };
    skipped.push(name);
  }
  return first;
}
