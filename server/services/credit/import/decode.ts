import iconv from 'iconv-lite';

/** How a CSV's bytes were decoded; reported back so the user can see it. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030';

/**
 * BOM first; then strict UTF-8; else GB18030, a superset of GBK and GB2312, which is what Excel
 * and WPS on a Chinese Windows write for "CSV (逗号分隔)".
 */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

/**
 * Comma, unless the opening lines have more tabs than commas (Excel's "Unicode 文本" is
 * tab-separated). Counted over a sample, as a title row may have neither.
 */
export function guessDelimiter(text: string): ',' | '\t' {
  const sample = text.slice(0, 8192);
  const count = (ch: string) => sample.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Thrown by parseCsv when one field passes `maxField` characters; `record` is its row number. */
export class CsvFieldTooLong extends Error {
  constructor(readonly record: number) {
    super(`field too long in record ${record}`);
  }
}

/** Reads one quoted field starting after its opening quote; returns its text and the index after it. */
function readQuoted(text: string, from: number, maxField: number, n: number): [string, number] {
  let out = '';
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if ((q < 0 ? text.length : q) - i + out.length > maxField) throw new CsvFieldTooLong(n);
    if (q < 0) return [out + text.slice(i), text.length];
    out += text.slice(i, q);
    if (text.charCodeAt(q + 1) !== QUOTE) return [out, q + 1];
    out += '"';
    i = q + 2;
  }
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, `""` and line breaks; CRLF, LF and CR all
 * end a record. Text after a closing quote, or a quote inside an unquoted field, is kept as text,
 * as Excel does. Yields `[recordNumber, fields]`, the number being the row Excel shows for it.
 * A field longer than `maxField` characters throws CsvFieldTooLong before it is built.
 */
export function* parseCsv(
  text: string,
  delimiter = ',',
  maxField = Number.POSITIVE_INFINITY,
): Generator<[number, string[]]> {
  const delim = delimiter.charCodeAt(0);
  const len = text.length;
  let record: string[] = [];
  let n = 1;
  let i = 0;
  while (i < len) {
    let field = '';
    if (text.charCodeAt(i) === QUOTE) [field, i] = readQuoted(text, i + 1, maxField, n);
    let j = i;
    while (j < len) {
      const c = text.charCodeAt(j);
      if (c === delim || c === CR || c === LF) break;
      j++;
    }
    if (field.length + j - i > maxField) throw new CsvFieldTooLong(n);
    field += text.slice(i, j);
    record.push(field);
    const c = text.charCodeAt(j);
    i = j + 1;
    if (c === delim) {
      if (i === len) record.push('');
      continue;
    }
    if (c === CR && text.charCodeAt(i) === LF) i++;
    yield [n++, record];
    record = [];
  }
  if (record.length > 0) yield [n, record];
}
