import type { RawRow } from './cells.js';
import { CsvFieldTooLong, decodeText, guessDelimiter, parseCsv, type TextEncoding } from './decode.js';
import { cellTooLarge, textRunLimit } from './limits.js';
import { type ProgressFn, type ReadLimits, SheetRows } from './rows.js';

/** Rows between two yields to the event loop, so a large CSV does not stall the server. */
const YIELD_EVERY = 2000;

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n + 1;
}

/**
 * Decodes and reads a CSV (or tab-separated text) through the same row pipeline as a sheet. A
 * field far past the cell limit throws an ImportLimitError while it is parsed, before it is built.
 */
export async function readCsv(
  buf: Buffer,
  limits: ReadLimits,
  onProgress?: ProgressFn,
): Promise<{ sheet: SheetRows; encoding: TextEncoding }> {
  const { text, encoding } = decodeText(buf);
  const sheet = new SheetRows(limits, { lastRow: countLines(text), onProgress });
  let since = 0;
  try {
    for (const [n, fields] of parseCsv(text, guessDelimiter(text), textRunLimit(limits.maxCellChars))) {
      const raw: RawRow = [undefined, ...fields.map((value) => ({ value }))];
      if (!sheet.push(n, raw)) break;
      if (++since >= YIELD_EVERY) {
        since = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } catch (err) {
    throw err instanceof CsvFieldTooLong ? cellTooLarge(limits.maxCellChars, err.record) : err;
  }
  sheet.end();
  return { sheet, encoding };
}
