export type { RawCell } from './cells.js';
export {
  IMPORT_COLUMNS,
  IMPORT_FIELDS,
  type ImportColumn,
  type ImportField,
  matchHeader,
  normaliseHeader,
} from './columns.js';
export { excelDateToIso, excelSerialToIso, parseDateText, toIsoDate } from './dates.js';
export { decodeText, parseCsv, type TextEncoding } from './decode.js';
export { type FileIssue, maskIds } from './issues.js';
export { type ReadResult, ROW_ERROR_CODES, readImportFile } from './read.js';
export type { ImportRow, ProgressFn, ReadLimits } from './rows.js';
export { NOT_XLSX, type Sniffed, sniffFile } from './sniff.js';
export { buildTemplate, TEMPLATE_FILE_NAME, type TemplateOptions } from './template.js';
