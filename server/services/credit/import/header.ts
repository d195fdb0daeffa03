import { COLUMN_BY_FIELD, IMPORT_COLUMNS, type ImportField, matchHeader } from './columns.js';
import { type FileIssue, fileIssue } from './issues.js';
import { columnLetter } from './text.js';

/** Rows scanned for the header (title rows and notes may come first). */
export const HEADER_SCAN_ROWS = 20;
/** Required columns a row must name to count as the header. */
const MIN_REQUIRED = 3;

export interface ColumnMap {
  field: ImportField;
  /** The header text as the file has it. */
  header: string;
  /** Column number as Excel shows it: A = 1. */
  index: number;
}

export interface HeaderFound {
  row: number;
  columns: ColumnMap[];
  warnings: FileIssue[];
  requiredFound: number;
}

/** One row's header texts by column number (index 0 unused). */
export type HeaderRow = { row: number; texts: (string | undefined)[] };

function mapHeader(row: HeaderRow): HeaderFound {
  const columns: ColumnMap[] = [];
  const warnings: FileIssue[] = [];
  row.texts.forEach((text, index) => {
    if (!text) return;
    const where = `${columnLetter(index)} 列「${text}」`;
    const m = matchHeader(text);
    if (!m) warnings.push(fileIssue('column_unknown', `${where}不是导入列，已忽略`, text));
    else if (m.kind === 'drop')
      warnings.push(fileIssue('column_dropped', `${where}不会被导入，也不会保存`, text));
    else if (m.kind === 'field') {
      const first = columns.find((c) => c.field === m.field);
      if (!first) columns.push({ field: m.field, header: text, index });
      else {
        const msg = `${where}与 ${columnLetter(first.index)} 列重复，都是「${COLUMN_BY_FIELD[m.field].label}」，已只读取前一列`;
        warnings.push(fileIssue('column_duplicate', msg, text));
      }
    }
  });
  const requiredFound = columns.filter((c) => COLUMN_BY_FIELD[c.field].required).length;
  return { row: row.row, columns, warnings, requiredFound };
}

/**
 * The row naming the most known columns, if it names at least three required ones; else the
 * best candidate is returned with `recognised: false`, so the caller can name what is missing.
 */
export function findHeader(rows: HeaderRow[]): { best: HeaderFound | null; recognised: boolean } {
  const rank = (h: HeaderFound) => (h.requiredFound >= MIN_REQUIRED ? 1000 : 0) + h.columns.length;
  let best: HeaderFound | null = null;
  for (const r of rows.slice(0, HEADER_SCAN_ROWS)) {
    const h = mapHeader(r);
    if (!best || rank(h) > rank(best)) best = h;
  }
  return { best, recognised: (best?.requiredFound ?? 0) >= MIN_REQUIRED };
}

/** One `column_missing` error per required column the header lacks. */
export function missingColumns(columns: ColumnMap[]): FileIssue[] {
  return IMPORT_COLUMNS.filter((c) => c.required && !columns.some((m) => m.field === c.field)).map((c) =>
    fileIssue(
      'column_missing',
      `缺少必填列「${c.label}」（也可写作：${c.variants.slice(1).join('、')}），请使用导入模板或补充该列`,
      c.label,
    ),
  );
}
