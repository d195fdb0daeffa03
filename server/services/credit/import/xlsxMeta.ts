import { type InflateBudget, partTooLarge } from './limits.js';
import { inflateChunks, type ZipEntry } from './zip.js';

/** A worksheet as the workbook lists it. */
export interface SheetMeta {
  name: string;
  /** Its part in the package, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  hidden: boolean;
  /** Last row number from its `<dimension>`, 0 when the sheet does not say. */
  lastRow: number;
}

export interface WorkbookMeta {
  /** In the order of the workbook's tabs. */
  sheets: SheetMeta[];
  date1904: boolean;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag);
  return m?.[1]?.replace(/&(amp|lt|gt|quot|apos);/g, (_e, k: string) => XML_ENTITIES[k] ?? '');
}

/** How much of a sheet is read for its `<dimension>`, which comes before any row. */
const HEAD_BYTES = 64 * 1024;
/** workbook.xml and its relationships are held whole: far larger than any real workbook's is refused. */
export const MAX_META_PART_BYTES = 16 * 1024 * 1024;

type Entries = Map<string, ZipEntry>;

/**
 * Inflates a part whole, or only its first `head` bytes; '' when the package does not have it.
 * A whole part past MAX_META_PART_BYTES throws.
 */
async function entryText(buf: Buffer, entries: Entries, name: string, budget: InflateBudget, head = 0) {
  const entry = entries.get(name);
  if (!entry) return '';
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of inflateChunks(buf, entry, budget)) {
    parts.push(chunk);
    size += chunk.length;
    if (head > 0 && size >= head) break;
    if (size > MAX_META_PART_BYTES) throw partTooLarge(name, MAX_META_PART_BYTES);
  }
  return Buffer.concat(parts).toString('utf8');
}

async function lastRowOf(buf: Buffer, entries: Entries, path: string, budget: InflateBudget) {
  const head = await entryText(buf, entries, path, budget, HEAD_BYTES);
  const m = /<(?:\w+:)?dimension\s+ref="(?:[A-Z]+\d+:)?[A-Z]+(\d+)"/.exec(head);
  return m ? Number(m[1]) : 0;
}

/**
 * Reads the sheet list (tab order, names, hidden state), the date system and each sheet's
 * dimension from the small parts of the package (drawing on the read's inflate budget), so the streamed read can be ordered and
 * report progress against a total.
 */
export async function readWorkbookMeta(
  buf: Buffer,
  list: ZipEntry[],
  budget: InflateBudget,
): Promise<WorkbookMeta> {
  const entries: Entries = new Map(list.map((e) => [e.name, e]));
  const book = await entryText(buf, entries, 'xl/workbook.xml', budget);
  const rels = await entryText(buf, entries, 'xl/_rels/workbook.xml.rels', budget);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1] ?? '', 'Id');
    const target = attr(m[1] ?? '', 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetMeta[] = [];
  for (const m of book.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const tag = m[1] ?? '';
    const rid = /\s\w+:id="([^"]*)"/.exec(tag)?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (!path) continue;
    const state = attr(tag, 'state');
    const hidden = state === 'hidden' || state === 'veryHidden';
    sheets.push({
      name: attr(tag, 'name') ?? '',
      path,
      hidden,
      lastRow: await lastRowOf(buf, entries, path, budget),
    });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(1|true)"/.test(book);
  return { sheets, date1904 };
}
