import type ExcelJS from 'exceljs';

// OWASP "CSV injection": a cell starting with one of these is taken for a formula by Excel,
// LibreOffice or WPS when edited or re-imported (full-width forms included, WPS reads them too).
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** A text cell that no spreadsheet evaluates: a leading single quote before a formula prefix. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Adds a row whose text cells went through safeCell; numbers stay numbers. */
export function addSafeRow(ws: ExcelJS.Worksheet, values: unknown[]): ExcelJS.Row {
  return ws.addRow(values.map(safeCell));
}

/** One CSV field: neutralised like a cell, always quoted, quotes doubled. */
export function csvField(value: unknown): string {
  const text = String(safeCell(value ?? ''));
  return `"${text.replace(/"/g, '""')}"`;
}

/** A worksheet name Excel accepts: no []*?:/\, at most 31 characters, unique in the book. */
export function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base =
    wanted
      .replace(/[[\]*?:/\\]/g, '_')
      .replace(/^'|'$/g, '_')
      .slice(0, 31) || '工作表';
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}-${i}`;
  return name;
}
