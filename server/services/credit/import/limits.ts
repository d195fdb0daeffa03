import { type FileIssue, fileIssue } from './issues.js';

/** Default for `ReadLimits.maxInflatedBytes` (HALLCAST_MAX_IMPORT_INFLATED_BYTES). */
export const DEFAULT_MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/** Why reading stopped early: too many bytes out of the archive, or one cell far too long to be real. */
export type LimitKind = 'inflated' | 'declared' | 'cell';

/**
 * Thrown while a file is being read, as soon as it passes a limit, so a hostile file is refused
 * before it is held in memory. `readImportFile` turns it into a 413 with what to do.
 */
export class ImportLimitError extends Error {
  constructor(
    readonly kind: LimitKind,
    readonly issue: FileIssue,
  ) {
    super(issue.message);
    this.name = 'ImportLimitError';
  }
}

export function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** The longest run of text (bytes between two `<` in XML, characters of a CSV field) read before refusing the file. */
export function textRunLimit(maxCellChars: number): number {
  // Room for the cell limit written as numeric character references, plus a tag; far below any bomb.
  return Math.max(256 * 1024, maxCellChars * 32);
}

/** Inflated bytes a whole read may spend; every part of the archive draws on it. */
export class InflateBudget {
  private spent = 0;
  constructor(readonly limit: number) {}

  /** Counts `n` more inflated bytes; throws once the file has passed the limit. */
  spend(n: number): void {
    this.spent += n;
    if (this.spent > this.limit) throw inflatedTooFar(this.limit);
  }

  get left(): number {
    return Math.max(0, this.limit - this.spent);
  }
}

export function inflatedTooFar(limit: number): ImportLimitError {
  const msg = `文件解压后超过 ${mb(limit)}（可能是压缩炸弹或含超大单元格）：请另存为普通 xlsx 或 csv，或拆分后再导入`;
  return new ImportLimitError('inflated', fileIssue('file_inflated_too_large', msg));
}

export function passedDeclared(part: string, declared: number): ImportLimitError {
  const msg =
    `文件中的「${part.slice(0, 100)}」解压后超过其声明的 ${declared} 字节（文件已损坏或是压缩炸弹）：` +
    '请用 Excel 打开后另存为普通 xlsx 或 csv，或拆分后再导入';
  return new ImportLimitError('declared', fileIssue('file_inflated_too_large', msg));
}

export function cellTooLarge(maxCellChars: number, row?: number): ImportLimitError {
  const where = row === undefined ? '文件中有单元格' : `第 ${row} 行有单元格`;
  const msg =
    `${where}内容远超上限 ${maxCellChars} 个字符（可能是压缩炸弹或含超大单元格），已停止读取：` +
    '请删减该单元格内容，或另存为普通 xlsx 或 csv、拆分后再导入';
  return new ImportLimitError('cell', fileIssue('cell_too_large', msg));
}

export function partTooLarge(part: string, limit: number): ImportLimitError {
  const msg =
    `文件中的「${part.slice(0, 100)}」解压后超过 ${mb(limit)}（可能是压缩炸弹）：` +
    '请用 Excel 打开后另存为普通 xlsx 或 csv，或拆分后再导入';
  return new ImportLimitError('inflated', fileIssue('file_inflated_too_large', msg));
}

export function tooManyStrings(limit: number): ImportLimitError {
  const msg =
    `文件中的共享字符串超过 ${limit} 个，远多于名单行数上限所需（可能是压缩炸弹）：` +
    '请另存为普通 xlsx 或 csv，或拆分后再导入';
  return new ImportLimitError('inflated', fileIssue('shared_strings_too_many', msg));
}

export function textTooLarge(limit: number): ImportLimitError {
  const msg =
    `文件中的文字总量超过 ${limit} 个字符（多为同一段文字被反复引用，可能是压缩炸弹）：` +
    '请另存为普通 xlsx 或 csv，或拆分后再导入';
  return new ImportLimitError('inflated', fileIssue('text_too_large', msg));
}
