import { COLUMN_BY_FIELD, type ImportField } from './columns.js';
import { excelDateToSerial, toIsoDate } from './dates.js';
import { type FileIssue, fileIssue } from './issues.js';
import { cleanText, formatNumber } from './text.js';

/** A cell as a format reader hands it over: rich text already flattened, formulas resolved. */
export interface RawCell {
  value: string | number | boolean | Date | null;
  /** The value is a formula's cached result. */
  formula?: boolean;
  /** An error value such as `#N/A`. */
  error?: string;
  /** A formula with no cached result: an error, or a file no spreadsheet program calculated. */
  noResult?: boolean;
}

/** Cells by column number (A = 1); index 0 is unused. */
export type RawRow = (RawCell | undefined)[];

/** Numbers with more digits than this were cut by Excel, which keeps 15 significant digits. */
const EXACT_DIGITS_LIMIT = 1e15;
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e\+?\d+$/i;

/** Text of a cell as Excel would show it in General format; dates as YYYY-MM-DD. */
export function displayText(value: RawCell['value'], date1904 = false): string {
  if (value === null) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return toIsoDate(value, date1904) ?? formatNumber(excelDateToSerial(value, date1904));
}

function dateText(
  value: RawCell['value'],
  where: string,
  label: string,
  date1904: boolean,
  issues: FileIssue[],
) {
  if (typeof value === 'number' || value instanceof Date) {
    const iso = toIsoDate(value, date1904);
    if (iso) return iso;
  }
  const shown = displayText(value, date1904);
  if (shown === '') return shown;
  const iso = typeof value === 'string' ? toIsoDate(shown, date1904) : null;
  if (iso) return iso;
  issues.push(
    fileIssue('date_invalid', `${where}「${shown}」不是有效日期，请按 2020-10-30 的格式填写`, label),
  );
  return shown;
}

function codeText(value: RawCell['value'], where: string, label: string, issues: FileIssue[]): string {
  const shown = displayText(value);
  const lost =
    (typeof value === 'number' && Math.abs(value) >= EXACT_DIGITS_LIMIT) ||
    (typeof value === 'string' && SCIENTIFIC.test(shown));
  if (lost) {
    const msg =
      `${where}以数字格式保存（现为 ${shown}），Excel 只保留 15 位有效数字，后几位已丢失、无法还原。` +
      '请把该列设为“文本”格式后重新填写完整号码';
    issues.push(fileIssue('code_numeric_precision', msg, label));
  }
  return shown;
}

/** One field's text, with what was wrong with it pushed to `issues`. */
export function fieldText(
  field: ImportField,
  cell: RawCell,
  rowNumber: number,
  date1904: boolean,
  issues: FileIssue[],
): string {
  const column = COLUMN_BY_FIELD[field];
  const where = `第 ${rowNumber} 行「${column.label}」`;
  if (cell.error) {
    issues.push(fileIssue('cell_error', `${where}是错误值 ${cell.error}，请检查公式或内容`, column.label));
    return '';
  }
  if (cell.noResult) {
    const msg = `${where}是公式，但没有可用的计算结果（可能是错误值，或文件未经 Excel 计算保存），请改为直接填写值`;
    issues.push(fileIssue('formula_no_result', msg, column.label));
    return '';
  }
  if (column.date) return dateText(cell.value, where, column.label, date1904, issues);
  if (field === 'code') return codeText(cell.value, where, column.label, issues);
  return displayText(cell.value, date1904);
}
