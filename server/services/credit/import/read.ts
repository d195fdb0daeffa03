import type { ImportField } from './columns.js';
import type { TextEncoding } from './decode.js';
import { missingColumns } from './header.js';
import { type FileIssue, fileIssue } from './issues.js';
import { DEFAULT_MAX_INFLATED_BYTES, ImportLimitError, InflateBudget, mb } from './limits.js';
import { readCsv } from './readCsv.js';
import { readXlsx } from './readXlsx.js';
import type { ImportRow, ProgressFn, ReadLimits, SheetRows } from './rows.js';
import { sniffFile } from './sniff.js';
import type { ZipEntry } from './zip.js';

export type ReadResult =
  | {
      ok: true;
      format: 'xlsx' | 'csv';
      encoding?: TextEncoding;
      sheetName?: string;
      headerRow: number;
      columns: { field: ImportField; header: string; index: number }[];
      rows: ImportRow[];
      warnings: FileIssue[];
    }
  | { ok: false; status: 400 | 413 | 422; errors: FileIssue[] };

/** Row issue codes that keep a row from being imported as is; the others are warnings. */
export const ROW_ERROR_CODES: ReadonlySet<string> = new Set([
  'cell_too_long',
  'cell_error',
  'code_numeric_precision',
  'date_invalid',
  'example_row',
  'formula_no_result',
]);

/** A declared uncompressed size past this many times the upload limit is treated as a ZIP bomb. */
const MAX_INFLATE_RATIO = 50;

function fail(status: 400 | 413 | 422, ...errors: FileIssue[]): ReadResult {
  return { ok: false, status, errors };
}

/** What a read may inflate in all: the configured limit, and never more than 50 times the upload limit. */
function inflateLimit(limits: ReadLimits): number {
  return Math.min(limits.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES, limits.maxBytes * MAX_INFLATE_RATIO);
}

function declaredTotal(entries: ZipEntry[]): number {
  return entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
}

const CORRUPT = '文件已损坏或不是有效的 Excel 工作簿（.xlsx），请用 Excel 打开后另存为 .xlsx 或 CSV 再上传';

function sheetResult(
  sheet: SheetRows,
  limits: ReadLimits,
  extra: { format: 'xlsx' | 'csv'; encoding?: TextEncoding; sheetName?: string },
): ReadResult {
  if (sheet.tooMany) {
    return fail(
      422,
      fileIssue('too_many_rows', `数据行超过上限 ${limits.maxRows} 行，请拆分为多个文件后分别导入`),
    );
  }
  const header = sheet.header;
  if (!header) {
    if (!sheet.sawContent) return fail(400, fileIssue('file_empty', '文件中没有内容，请填写后重新上传'));
    const candidate = sheet.candidate;
    if (candidate && candidate.columns.length >= 2) return fail(422, ...missingColumns(candidate.columns));
    const msg =
      '前 20 行中没有找到表头（如「主体名称」「统一社会信用代码」「认定部门」等列名），请使用导入模板填写';
    return fail(422, fileIssue('header_not_found', msg));
  }
  const missing = missingColumns(header.columns);
  if (missing.length > 0) return fail(422, ...missing);
  if (sheet.rows.length === 0)
    return fail(422, fileIssue('rows_empty', `第 ${header.row} 行是表头，但下面没有数据行`));
  return {
    ok: true,
    ...extra,
    headerRow: header.row,
    columns: header.columns.map(({ field, header: text, index }) => ({ field, header: text, index })),
    rows: sheet.rows,
    warnings: header.warnings,
  };
}

function skippedSheets(names: string[], used: string): FileIssue[] {
  return names.map((name) =>
    fileIssue('sheet_skipped', `工作表「${name}」中没有找到表头，已跳过，读取的是工作表「${used}」`),
  );
}

/**
 * Reads an uploaded list file (xlsx or CSV, decided by content) into trimmed text rows keyed by
 * field. Identifier checks are not done here (core/credit does them). `onProgress` gets data rows
 * read so far and the expected total, at least every 1000 rows and once at the end.
 */
export async function readImportFile(
  buf: Buffer,
  limits: ReadLimits,
  onProgress?: ProgressFn,
): Promise<ReadResult> {
  if (buf.length > limits.maxBytes) {
    return fail(
      413,
      fileIssue('file_too_large', `文件大小超过上限 ${mb(limits.maxBytes)}，请删减或拆分后重新上传`),
    );
  }
  const sniffed = sniffFile(buf);
  if (sniffed.kind === 'error') return fail(400, sniffed.issue);
  try {
    if (sniffed.kind === 'csv') {
      const { sheet, encoding } = await readCsv(buf, limits, onProgress);
      return sheetResult(sheet, limits, { format: 'csv', encoding });
    }
    return await readWorkbook(buf, sniffed.entries, limits, onProgress);
  } catch (err) {
    if (err instanceof ImportLimitError) return fail(413, err.issue);
    if (sniffed.kind === 'csv') throw err;
    return fail(422, fileIssue('file_corrupt', CORRUPT));
  }
}

async function readWorkbook(
  buf: Buffer,
  entries: ZipEntry[] | null,
  limits: ReadLimits,
  onProgress?: ProgressFn,
): Promise<ReadResult> {
  // No readable central directory: a cut-short upload, or one built so a sequential unzip is fooled.
  if (!entries) return fail(422, fileIssue('file_corrupt', CORRUPT));
  const limit = inflateLimit(limits);
  if (declaredTotal(entries) > limit) {
    const msg = `文件解压后超过 ${mb(limit)}（可能是压缩炸弹或含超大单元格）：请另存为普通 xlsx 或 csv，或拆分后再导入`;
    return fail(413, fileIssue('file_too_large', msg));
  }
  const outcome = await readXlsx(buf, entries, limits, new InflateBudget(limit), onProgress);
  if (!outcome) return fail(422, fileIssue('sheet_missing', '工作簿中没有可读取的工作表，请检查后重新上传'));
  const result = sheetResult(outcome.sheet, limits, { format: 'xlsx', sheetName: outcome.sheetName });
  if (result.ok) result.warnings.unshift(...skippedSheets(outcome.skipped, outcome.sheetName));
  return result;
}
