import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { RawCell, RawRow } from './cells.js';
import { cellTooLarge, type InflateBudget, textRunLimit, tooManyStrings } from './limits.js';
import { type ProgressFn, type ReadLimits, SheetRows } from './rows.js';
import { readWorkbookMeta, type SheetMeta } from './xlsxMeta.js';
import { inflateChunks, type ZipEntry } from './zip.js';

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

/** Sheet parts by their number, for a workbook whose sheet list could not be resolved. */
function sheetsByNumber(entries: ZipEntry[]): string[] {
  const num = (name: string) => Number(SHEET_PART.exec(name)?.[1] ?? 0);
  return entries
    .map((e) => e.name)
    .filter((n) => SHEET_PART.test(n))
    .sort((a, b) => num(a) - num(b));
}

function readOrder(entries: ZipEntry[], sheets: SheetMeta[]): ZipEntry[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const visible = sheets.filter((s) => !s.hidden);
  const chosen = (visible.length > 0 ? visible : sheets).filter((s) => SHEET_PART.test(s.path));
  const paths = chosen.length > 0 ? chosen.map((s) => s.path) : sheetsByNumber(entries);
  const names = [...new Set([...FIRST_PARTS, ...paths])];
  return names.map((n) => byName.get(n)).filter((e): e is ZipEntry => e !== undefined);
}

const LT = 0x3c;
/**
 * Distinct texts a real list has per row (name, code, document number, representative, reason…):
 * more shared strings than this many per allowed row is a bomb, refused before they fill memory.
 */
const SHARED_STRINGS_PER_ROW = 8;
/** Recent distinct shared strings remembered to spot repeats (a 32 KB window holds far fewer). */
const RECENT_STRINGS = 4096;

/**
 * Inflated XML as whole-character strings, refused as soon as one run between two `<` (a text
 * node, or a tag with its attributes) passes `maxRun` bytes: the XML parser holds a text node whole
 * until its end, so a 200 MB cell is stopped here, before it is accumulated.
 */
async function* boundedXml(chunks: AsyncIterable<Buffer>, maxRun: number, maxCellChars: number) {
  const decoder = new StringDecoder('utf8');
  let run = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let at = chunk.indexOf(LT); at >= 0; at = chunk.indexOf(LT, at + 1)) {
      if (run + at - from > maxRun) throw cellTooLarge(maxCellChars);
      run = 0;
      from = at;
    }
    run += chunk.length - from;
    if (run > maxRun) throw cellTooLarge(maxCellChars);
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

interface ReaderInternals {
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(it: AsyncIterable<string>, sheetNo: string): Generator<unknown>;
  parse(): AsyncGenerator<unknown>;
}

/**
 * exceljs's streaming reader with its unzip replaced: it would inflate whatever the archive holds,
 * unbounded. Parts come from `inflateChunks` instead (bounded by declared size and the budget),
 * as whole characters (exceljs decodes each chunk on its own and breaks a CJK character that
 * straddles two: issues #2063, #2084), sheets after the parts they need so none goes to a temp file.
 */
function openReader(buf: Buffer, order: ZipEntry[], budget: InflateBudget, limits: ReadLimits) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const r = reader as unknown as ReaderInternals;
  const maxRun = textRunLimit(limits.maxCellChars);
  const text = (e: ZipEntry) => boundedXml(inflateChunks(buf, e, budget), maxRun, limits.maxCellChars);
  // A workbook without shared strings still has its sheets read: inline strings only.
  const strings: unknown[] = [];
  r.sharedStrings = strings;
  const maxStrings = limits.maxRows * SHARED_STRINGS_PER_ROW;
  // Excel writes each shared string once; deflate only shrinks what repeats within 32 KB, so a
  // highly compressed table repeats recent strings: those are held once.
  const recent = new Map<unknown, unknown>();
  const readStrings = async (e: ZipEntry) => {
    for await (const s of r._parseSharedStrings(Readable.from(text(e)))) {
      const value = (s as { text: unknown }).text;
      const known = recent.get(value);
      if (known === undefined && typeof value === 'string') {
        if (recent.size >= RECENT_STRINGS) recent.clear();
        recent.set(value, value);
      }
      if (strings.push(known ?? value) > maxStrings) throw tooManyStrings(maxStrings);
    }
  };
  const at = { sheetNo: '' };
  r.parse = async function* parse() {
    for (const e of order) {
      const sheetNo = SHEET_PART.exec(e.name)?.[1];
      if (sheetNo !== undefined) {
        at.sheetNo = sheetNo;
        yield* r._parseWorksheet(text(e), sheetNo);
      } else if (e.name === 'xl/sharedStrings.xml') await readStrings(e);
      else if (e.name === 'xl/styles.xml') await r._parseStyles(Readable.from(text(e)));
      else if (e.name === 'xl/workbook.xml') await r._parseWorkbook(Readable.from(text(e)));
      else await r._parseRels(Readable.from(text(e)));
    }
  };
  return { reader, at };
}

/**
 * Streams the workbook with exceljs's WorkbookReader and returns the first visible sheet with a
 * recognisable header, or the first sheet when none has one. Throws an ImportLimitError when the
 * file passes a limit while it is read, and what exceljs throws on a damaged file.
 */
export async function readXlsx(
  buf: Buffer,
  entries: ZipEntry[],
  limits: ReadLimits,
  budget: InflateBudget,
  onProgress?: ProgressFn,
): Promise<XlsxOutcome | null> {
  const meta = await readWorkbookMeta(buf, entries, budget);
  const { reader, at } = openReader(buf, readOrder(entries, meta.sheets), budget, limits);
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
