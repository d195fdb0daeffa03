import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvFieldTooLong, decodeText, guessDelimiter, parseCsv } from './decode.js';

const rows = (text: string, delimiter?: string) => [...parseCsv(text, delimiter)];

describe('decodeText', () => {
  const text = '主体名称,认定部门\n某某科技有限公司,市场监督管理局';

  it('reads UTF-8', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeText(buf)).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads characters only GB18030 has', () => {
    const rare = '𠀀䶮'; // outside GBK
    expect(decodeText(iconv.encode(rare, 'gb18030'))).toEqual({ text: rare, encoding: 'gb18030' });
  });

  it('reads UTF-16LE with its BOM (Excel "Unicode 文本")', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(buf)).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('parseCsv', () => {
  it('splits records and fields, numbering records from 1', () => {
    expect(rows('a,b\nc,d\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ]);
  });

  it('handles CRLF, CR and a missing final newline', () => {
    expect(rows('a,b\r\nc,d\re,f')).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e', 'f']],
    ]);
  });

  it('reads quoted fields with delimiters, escaped quotes and line breaks', () => {
    const text = '"某某公司,分公司","他说""你好""","第一行\r\n第二行"\nx,y,z\n';
    expect(rows(text)).toEqual([
      [1, ['某某公司,分公司', '他说"你好"', '第一行\r\n第二行']],
      [2, ['x', 'y', 'z']],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(rows('a,,c,\n,,\n')).toEqual([
      [1, ['a', '', 'c', '']],
      [2, ['', '', '']],
    ]);
  });

  it('counts blank lines as rows, as Excel shows them', () => {
    expect(rows('a\n\nb')).toEqual([
      [1, ['a']],
      [2, ['']],
      [3, ['b']],
    ]);
  });

  it('keeps a quote inside an unquoted field, and text after a closing quote', () => {
    expect(rows('5"屏,"a"b\n')).toEqual([[1, ['5"屏', 'ab']]]);
  });

  it('takes the rest of the text when a quote is never closed', () => {
    expect(rows('"abc,\ndef')).toEqual([[1, ['abc,\ndef']]]);
  });

  it('parses tab-separated text', () => {
    expect(guessDelimiter('a\tb\nc\td')).toBe('\t');
    expect(guessDelimiter('a,b\tc,d\n')).toBe(',');
    expect(guessDelimiter('标题\na\tb\tc\n')).toBe('\t');
    expect(rows('a\tb\n', '\t')).toEqual([[1, ['a', 'b']]]);
  });

  it('gives nothing for empty text', () => {
    expect(rows('')).toEqual([]);
  });
});

// The cases csv-parse and Papa Parse list among their own failures, kept here because our parser
// was kept (see the comment on parseCsv).
describe('parseCsv on the cases CSV libraries trip on', () => {
  it('keeps a quoted line break of each kind, and a record ending right after a closing quote', () => {
    expect(rows('"a\nb","c\rd"\r"e\r\nf"')).toEqual([
      [1, ['a\nb', 'c\rd']],
      [2, ['e\r\nf']],
    ]);
  });

  it('reads empty and quote-only quoted fields, and a trailing delimiter after a quoted field', () => {
    expect(rows('"",""""\n"a",\n')).toEqual([
      [1, ['', '"']],
      [2, ['a', '']],
    ]);
  });

  it('reads mixed CRLF, LF and CR line ends in one file (Papa Parse guesses one)', () => {
    expect(rows('a\r\nb\nc\rd')).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
      [4, ['d']],
    ]);
  });

  it('throws CsvFieldTooLong with the record number for a long quoted field of escaped quotes', () => {
    const text = `a\nb\n"${'""'.repeat(40)}"\n`;
    expect(rows(text)).toHaveLength(3);
    const run = () => [...parseCsv(text, ',', 30)];
    expect(run).toThrow(CsvFieldTooLong);
    expect(run).toThrow('record 3');
  });
});
