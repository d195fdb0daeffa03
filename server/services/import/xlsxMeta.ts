import { inflateEntry, type ZipEntry } from './zip.js';

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

function entryText(buf: Buffer, entries: ZipEntry[], name: string, maxIn?: number): string {
  const entry = entries.find((e) => e.name === name);
  return (entry && inflateEntry(buf, entry, maxIn)?.toString('utf8')) || '';
}

function lastRowOf(buf: Buffer, entries: ZipEntry[], path: string): number {
  const head = entryText(buf, entries, path, 16_384);
  const m = /<(?:\w+:)?dimension\s+ref="(?:[A-Z]+\d+:)?[A-Z]+(\d+)"/.exec(head);
  return m ? Number(m[1]) : 0;
}

/**
 * Reads the sheet list (tab order, names, hidden state), the date system and each sheet's
 * dimension from the small parts of the package, so the streamed read can be ordered and
 * report progress against a total.
 */
export function readWorkbookMeta(buf: Buffer, entries: ZipEntry[]): WorkbookMeta {
  const book = entryText(buf, entries, 'xl/workbook.xml');
  const rels = entryText(buf, entries, 'xl/_rels/workbook.xml.rels');
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
    sheets.push({ name: attr(tag, 'name') ?? '', path, hidden, lastRow: lastRowOf(buf, entries, path) });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(1|true)"/.test(book);
  return { sheets, date1904 };
}
