import { displayText, fieldText, type RawRow } from './cells.js';
import { COLUMN_BY_FIELD, type ImportField } from './columns.js';
import { findHeader, HEADER_SCAN_ROWS, type HeaderFound } from './header.js';
import { type FileIssue, fileIssue } from './issues.js';
import { DEFAULT_MAX_INFLATED_BYTES, textTooLarge } from './limits.js';

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
  maxCellChars: number;
  /** Bytes an xlsx may inflate to in all (HALLCAST_MAX_IMPORT_INFLATED_BYTES; a quarter of it in characters of text); 256 MB when not given. */
  maxInflatedBytes?: number;
}

export type ProgressFn = (done: number, total: number) => void;

/**
 * One data row: trimmed text by field, dates as YYYY-MM-DD. `cells.code` is the number as
 * written, a person's full ID included: hash and mask it before it is stored, logged or sent.
 */
export interface ImportRow {
  /** The row number Excel shows, 1-based. */
  row: number;
  cells: Partial<Record<ImportField, string>>;
  /** Fields whose value is a formula's cached result. */
  formulaFields: ImportField[];
  /** This row's problems; see ROW_ERROR_CODES for which ones block the row. */
  issues: FileIssue[];
}

const PROGRESS_EVERY = 1000;
/**
 * Characters a file may yield: a quarter of the inflate limit (64 M at the default, far above a
 * real list at the row limit); every cell's text is built before it is kept, so this bounds garbage too.
 */
const TEXT_SHARE = 4;
/** Texts at least this long are kept once per distinct value. */
const INTERN_MIN = 64;
/** How the template marks its example rows. */
const EXAMPLE_MARK = /^[（(]示例[）)]/;

/**
 * Turns one sheet's rows into import rows: buffers the first rows until the header is found,
 * then converts each row as it comes, so a streamed sheet is never held whole.
 */
export class SheetRows {
  header: HeaderFound | null = null;
  candidate: HeaderFound | null = null;
  readonly rows: ImportRow[] = [];
  tooMany = false;
  sawContent = false;
  private scan: { row: number; cells: RawRow }[] = [];
  private decided = false;
  /** Characters kept so far: shared strings referenced over and over must not multiply past the inflate limit. */
  private chars = 0;
  /** Long texts seen, so a text repeated in every row (one shared string) is held once, not copied per cell. */
  private long = new Map<string, string>();

  constructor(
    private readonly limits: ReadLimits,
    private readonly opts: { date1904?: boolean; lastRow?: number; onProgress?: ProgressFn },
  ) {}

  /** Feeds one row; false means stop reading this sheet (too many rows, or no header in it). */
  push(row: number, cells: RawRow): boolean {
    if (this.decided) return this.header ? this.addData(row, cells) : false;
    if (!cells.some((c) => c && (c.error || displayText(c.value) !== ''))) return true;
    this.sawContent = true;
    this.scan.push({ row, cells });
    if (this.scan.length < HEADER_SCAN_ROWS) return true;
    return this.decide();
  }

  /** Ends the sheet; true when it had a recognisable header. */
  end(): boolean {
    if (!this.decided) this.decide();
    if (this.header && !this.tooMany) this.opts.onProgress?.(this.rows.length, this.rows.length);
    return this.header !== null;
  }

  private decide(): boolean {
    this.decided = true;
    const texts = this.scan.map((r) => ({
      row: r.row,
      texts: r.cells.map((c) => (c ? displayText(c.value) : undefined)),
    }));
    const { best, recognised } = findHeader(texts);
    if (!recognised) {
      this.candidate = best;
      return false;
    }
    this.header = best;
    const after = this.scan.filter((r) => r.row > (best?.row ?? 0));
    this.scan = [];
    return after.every((r) => this.addData(r.row, r.cells));
  }

  private addData(row: number, raw: RawRow): boolean {
    const converted = this.convert(row, raw);
    if (!converted) return true;
    if (this.rows.length >= this.limits.maxRows) {
      this.tooMany = true;
      return false;
    }
    this.rows.push(converted);
    const done = this.rows.length;
    if (done % PROGRESS_EVERY === 0) this.opts.onProgress?.(done, this.expectedTotal(done));
    return true;
  }

  /** Data rows the sheet should hold, from its last row number; a guess that never goes below `done`. */
  private expectedTotal(done: number): number {
    const lastRow = this.opts.lastRow ?? 0;
    return Math.max(done, lastRow - (this.header?.row ?? 0));
  }

  private count(chars: number): void {
    this.chars += chars;
    const limit = Math.floor((this.limits.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES) / TEXT_SHARE);
    if (this.chars > limit) throw textTooLarge(limit);
  }

  private once(text: string): string {
    if (text.length < INTERN_MIN) return text;
    const known = this.long.get(text);
    if (known !== undefined) return known;
    this.long.set(text, text);
    return text;
  }

  private convert(row: number, raw: RawRow): ImportRow | null {
    const cells: ImportRow['cells'] = {};
    const formulaFields: ImportField[] = [];
    const issues: FileIssue[] = [];
    for (const col of this.header?.columns ?? []) {
      const cell = raw[col.index];
      if (!cell) continue;
      let text = fieldText(col.field, cell, row, this.opts.date1904 ?? false, issues);
      if (text === '') continue;
      if (text.length > this.limits.maxCellChars) {
        const label = COLUMN_BY_FIELD[col.field].label;
        const msg = `第 ${row} 行「${label}」有 ${text.length} 个字符，超过上限 ${this.limits.maxCellChars} 个，请精简`;
        issues.push(fileIssue('cell_too_long', msg, label));
        text = text.slice(0, this.limits.maxCellChars);
      }
      this.count(text.length);
      cells[col.field] = this.once(text);
      if (cell.formula) formulaFields.push(col.field);
    }
    // Formulas filled down below the data, never calculated, do not make a row.
    if (Object.keys(cells).length === 0 && issues.every((i) => i.code === 'formula_no_result')) return null;
    if (cells.name && EXAMPLE_MARK.test(cells.name)) {
      issues.push(
        fileIssue('example_row', `第 ${row} 行是模板中的示例行，请删除后再导入`, COLUMN_BY_FIELD.name.label),
      );
    }
    return { row, cells, formulaFields, issues };
  }
}
