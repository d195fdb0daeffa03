import { describe, expect, it } from 'vitest';
import { readImportFile } from './read.js';
import { NOT_XLSX, sniffFile } from './sniff.js';
import { HEADER, LIMITS, xlsx, zip } from './testFixtures.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const OLE = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);

describe('sniffFile', () => {
  it('recognises an xlsx by its parts', async () => {
    const sniffed = sniffFile(await xlsx({ rows: [HEADER] }));
    expect(sniffed.kind).toBe('xlsx');
  });

  it('treats text as CSV', () => {
    expect(sniffFile(Buffer.from('主体名称,认定部门\n')).kind).toBe('csv');
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'file_empty', '文件是空的'],
    ['PNG bytes', PNG, 'file_type', 'PNG 图片'],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'file_type', 'PDF 文档'],
    ['a ZIP that is not xlsx', zip([{ name: 'readme.txt', data: '你好' }]), 'file_type', 'ZIP 压缩包'],
    [
      'a docx',
      zip([
        { name: '[Content_Types].xml', data: '<x/>' },
        { name: 'word/document.xml', data: '<x/>' },
      ]),
      'file_type',
      'Word',
    ],
    ['legacy .xls', OLE, 'file_xls', '另存为'],
    [
      'an HTML table saved as .xls',
      Buffer.from('<html><table><tr><td>1</td></tr></table></html>'),
      'file_type',
      '网页',
    ],
    ['binary junk', Buffer.from([1, 2, 0, 3, 4]), 'file_type', '二进制'],
  ])('rejects %s', (_what, buf, code, hint) => {
    const sniffed = sniffFile(buf);
    expect(sniffed.kind).toBe('error');
    if (sniffed.kind !== 'error') return;
    expect(sniffed.issue.code).toBe(code);
    expect(sniffed.issue.message).toContain(hint);
  });

  it('says what to do in the file_type message', () => {
    const sniffed = sniffFile(PNG);
    expect(sniffed.kind === 'error' && sniffed.issue.message.startsWith(NOT_XLSX)).toBe(true);
  });
});

describe('readImportFile on files it cannot read', () => {
  it('answers 400 for an empty file and for PNG bytes named .xlsx', async () => {
    expect(await readImportFile(Buffer.alloc(0), LIMITS)).toMatchObject({
      ok: false,
      status: 400,
      errors: [{ code: 'file_empty' }],
    });
    expect(await readImportFile(PNG, LIMITS)).toMatchObject({
      ok: false,
      status: 400,
      errors: [{ code: 'file_type' }],
    });
  });

  it('answers 400 for a ZIP that is not a workbook', async () => {
    const result = await readImportFile(zip([{ name: 'a.txt', data: 'x' }]), LIMITS);
    expect(result).toMatchObject({ ok: false, status: 400, errors: [{ code: 'file_type' }] });
  });

  it('answers 422 file_corrupt for a workbook cut short', async () => {
    const buf = await xlsx({ rows: [HEADER, ['法人及非法人组织', '测试企业']] });
    const result = await readImportFile(buf.subarray(0, Math.floor(buf.length * 0.6)), LIMITS);
    expect(result).toMatchObject({ ok: false, status: 422, errors: [{ code: 'file_corrupt' }] });
  });

  it('answers 413 with the limit in MB before looking at the content', async () => {
    const result = await readImportFile(Buffer.alloc(3 * 1024 * 1024, 'a'), {
      ...LIMITS,
      maxBytes: 2 * 1024 * 1024,
    });
    expect(result).toMatchObject({ ok: false, status: 413, errors: [{ code: 'file_too_large' }] });
    expect(!result.ok && result.errors[0]?.message).toContain('2 MB');
  });
});
