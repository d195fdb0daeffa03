import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { dataRow, HEADER, unzip, type ZipFile, zip } from './testFixtures.js';

/**
 * Test helpers: hostile archives of each kind, built in memory. Their huge parts are deflated as a
 * stream, so a 200 MB cell costs the test about 200 KB, never 200 MB.
 */

/** A part's text: strings as they are, `{ repeat, bytes }` as that text repeated (whole) to about `bytes` bytes. */
export type Piece = string | { repeat: string; bytes: number };

const MB = 1024 * 1024;

/** Deflates the pieces as one stream (level 9: constant text shrinks about 1000 times). */
export async function deflatePieces(pieces: Piece[]): Promise<{ deflated: Buffer; size: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => z.on('end', resolve).on('error', reject));
  let size = 0;
  const write = async (b: Buffer) => {
    size += b.length;
    if (!z.write(b)) await new Promise((resolve) => z.once('drain', resolve));
  };
  for (const p of pieces) {
    if (typeof p === 'string') {
      await write(Buffer.from(p, 'utf8'));
      continue;
    }
    // Whole repeats only, so neither a tag nor a character is ever cut.
    const unit = Buffer.from(p.repeat, 'utf8');
    const perBlock = Math.max(1, Math.floor(MB / unit.length));
    const block = Buffer.concat(Array<Buffer>(perBlock).fill(unit));
    let units = Math.floor(p.bytes / unit.length);
    for (; units >= perBlock; units -= perBlock) await write(block);
    if (units > 0) await write(block.subarray(0, units * unit.length));
  }
  z.end();
  await done;
  return { deflated: Buffer.concat(out), size };
}

const inline = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const col = (i: number) => String.fromCharCode(65 + i);
const rowXml = (r: number, values: unknown[]) =>
  `<row r="${r}">${values.map((v, i) => inline(`${col(i)}${r}`, String(v))).join('')}</row>`;
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const WS_OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_HEAD = XML_DECL + WS_OPEN;
const SHEET_TAIL = '</sheetData></worksheet>';

/** A sheet with the header, then a row whose 主体名称 (column B) is `cell`. */
export function sheetWithCell(cell: Piece): Piece[] {
  const row = dataRow(1).map(String);
  const before = `${rowXml(1, HEADER)}<row r="2">${inline('A2', row[0] ?? '')}<c r="B2" t="inlineStr"><is><t>`;
  const after = `</t></is></c>${row
    .slice(2)
    .map((v, i) => inline(`${col(i + 2)}2`, v))
    .join('')}</row>`;
  return [SHEET_HEAD, before, cell, after, SHEET_TAIL];
}

/** A real workbook (exceljs) with parts replaced or added; the same bytes on every run (fixed dates). */
export async function workbookWith(parts: ZipFile[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date('2026-11-01T00:00:00Z');
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Sheet1');
  for (const r of [HEADER, dataRow(1)]) ws.addRow(r);
  const files: ZipFile[] = unzip(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const p of parts) {
    const at = files.findIndex((f) => f.name === p.name);
    if (at >= 0) files[at] = p;
    else files.push(p);
  }
  return zip(files);
}

/** The part holding `pieces`, deflated; `declare` claims a size (the lie), else the real one. */
export async function deflatedPart(name: string, pieces: Piece[], declare?: number): Promise<ZipFile> {
  const { deflated, size } = await deflatePieces(pieces);
  return { name, data: '', deflated, declaredSize: declare ?? size };
}

/** The issue's attack: one huge cell in sheet1 behind a directory that declares 4 KB. */
export async function lyingCellBomb(cellBytes = 200 * MB, declare = 4096): Promise<Buffer> {
  const sheet = sheetWithCell({ repeat: 'A', bytes: cellBytes });
  return workbookWith([await deflatedPart('xl/worksheets/sheet1.xml', sheet, declare)]);
}

/** One huge cell with its size declared honestly (under the inflate limit): the text-run guard's case. */
export async function honestCellBomb(cellBytes: number): Promise<Buffer> {
  const sheet = sheetWithCell({ repeat: '很', bytes: cellBytes });
  return workbookWith([await deflatedPart('xl/worksheets/sheet1.xml', sheet)]);
}

/** A part nobody reads (an image) that really inflates to `bytes`, honestly declared. */
export async function honestHugePart(bytes: number): Promise<Buffer> {
  return workbookWith([await deflatedPart('xl/media/image1.png', [{ repeat: '\0', bytes }])]);
}

/** Shared strings of `bytes` many small strings, declared as `declare` (a lie) or honestly. */
export async function sharedStringsBomb(bytes: number, declare?: number): Promise<Buffer> {
  const pieces: Piece[] = [
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    { repeat: '<si><t>黑河测试企业</t></si>', bytes },
    '</sst>',
  ];
  return workbookWith([await deflatedPart('xl/sharedStrings.xml', pieces, declare)]);
}

/** One shared string of `bytes` (honest size): the text-run guard on the shared strings part. */
export async function sharedStringCellBomb(bytes: number): Promise<Buffer> {
  const pieces: Piece[] = [
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
    { repeat: 'B', bytes },
    '</t></si></sst>',
  ];
  return workbookWith([await deflatedPart('xl/sharedStrings.xml', pieces)]);
}

/** workbook.xml and its relationships listing sheets 1..count. */
function bookParts(count: number): ZipFile[] {
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const book =
    '<workbook xmlns:r="r"><sheets>' +
    ids.map((i) => `<sheet name="S${i}" sheetId="${i}" r:id="rId${i}"/>`).join('') +
    '</sheets></workbook>';
  const rels =
    '<Relationships>' +
    ids
      .map((i) => `<Relationship Id="rId${i}" Type="worksheet" Target="worksheets/sheet${i}.xml"/>`)
      .join('') +
    '</Relationships>';
  return [
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: book, deflate: true },
    { name: 'xl/_rels/workbook.xml.rels', data: rels, deflate: true },
  ];
}

/** A workbook of `count` sheets, each a local record of its own holding `bytes` of blank XML. */
export async function manySheets(count: number, bytes: number, declare?: number): Promise<Buffer> {
  const part = await deflatedPart('x', [SHEET_HEAD, { repeat: ' ', bytes }, SHEET_TAIL], declare);
  const sheets = Array.from({ length: count }, (_, i) => ({
    ...part,
    name: `xl/worksheets/sheet${i + 1}.xml`,
  }));
  return zip([...bookParts(count), ...sheets]);
}

/**
 * The "non-recursive" bomb: a workbook of `count` sheets whose central directory entries all
 * point at the one local record of sheet1, so one kernel of compressed data would be inflated
 * `count` times.
 */
export async function overlappingEntries(count: number, bytes = 1024 * 1024): Promise<Buffer> {
  const part = await deflatedPart('xl/worksheets/sheet1.xml', [
    SHEET_HEAD,
    { repeat: ' ', bytes },
    SHEET_TAIL,
  ]);
  const buf = zip([...bookParts(count), part]);
  const eocd = buf.length - 22;
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const cd = buf.subarray(cdOffset, eocd);
  // The last central record is sheet1's: copy it under the other names, same local offset.
  const sheet = cd.subarray(cd.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
  const copies = Array.from({ length: count - 1 }, (_, i) => {
    const name = Buffer.from(`xl/worksheets/sheet${i + 2}.xml`);
    const rec = Buffer.concat([sheet.subarray(0, 46), name]);
    rec.writeUInt16LE(name.length, 28);
    return rec;
  });
  const all = Buffer.concat([cd, ...copies]);
  const end = Buffer.from(buf.subarray(eocd));
  end.writeUInt16LE(count + 3, 8);
  end.writeUInt16LE(count + 3, 10);
  end.writeUInt32LE(all.length, 12);
  return Buffer.concat([buf.subarray(0, cdOffset), all, end]);
}

/** A workbook carrying another ZIP (a bomb itself) as an embedded part: just an unknown part. */
export async function nestedZip(): Promise<Buffer> {
  const inner = await lyingCellBomb(20 * MB);
  return workbookWith([{ name: 'xl/embeddings/oleObject1.bin', data: inner }]);
}

/** Billion laughs: entities defined in a DTD, each ten of the one before, used in a cell. */
export function billionLaughs(): Buffer {
  const ents = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i < 10; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const doctype = `${XML_DECL}<!DOCTYPE worksheet [${ents.join('')}]>`;
  const sheet = sheetWithCell('&lol9;').slice(1).join('');
  return workbookWithSync(`${doctype}${WS_OPEN}${sheet}`);
}

/** XML nested `depth` elements deep inside a cell. */
export function deepXml(depth: number): Buffer {
  const sheet = sheetWithCell(`${'<r>'.repeat(depth)}x${'</r>'.repeat(depth)}`)
    .map((p) => (typeof p === 'string' ? p : ''))
    .join('');
  return workbookWithSync(sheet);
}

/** A minimal workbook around one sheet's XML, no exceljs needed. */
export function workbookWithSync(sheet: string, method?: number): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    {
      name: 'xl/workbook.xml',
      data: '<workbook xmlns:r="r"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, deflate: true, method },
  ]);
}

/** A CSV of the header and one row whose 主体名称 is `chars` characters long. */
export function csvWithCell(chars: number): Buffer {
  const row = dataRow(1).map(String);
  row[1] = '企'.repeat(chars);
  return Buffer.from(`${HEADER.join(',')}\n${row.join(',')}\n`, 'utf8');
}

/**
 * Shared-string amplification: one long shared string referenced by every cell of `rows` rows,
 * so a small sheet part would expand into rows × columns copies of it.
 */
export async function amplifiedStrings(rows: number, chars = 1999): Promise<Buffer> {
  const sst =
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<si><t>${'长'.repeat(chars)}</t></si></sst>`;
  const cells = (r: number) => HEADER.map((_, i) => `<c r="${col(i)}${r}" t="s"><v>0</v></c>`).join('');
  const pieces: Piece[] = [SHEET_HEAD, rowXml(1, HEADER)];
  for (let r = 2; r <= rows + 1; r++) pieces.push(`<row r="${r}">${cells(r)}</row>`);
  pieces.push(SHEET_TAIL);
  return workbookWith([
    await deflatedPart('xl/worksheets/sheet1.xml', pieces),
    { name: 'xl/sharedStrings.xml', data: sst, deflate: true },
  ]);
}
