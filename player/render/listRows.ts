import type { Dataset, DatasetEntry, ListField, ListType } from '../../core/credit/dataset.js';
import type { ListBoardItem } from '../../core/manifest/types.js';

/** One dataset as a board shows it today: entries still on display, columns it may show. */
export interface LiveList {
  dataset: Dataset;
  entries: DatasetEntry[];
  fields: ListField[];
}

/** One page of a paged board; `page` counts from 1 within its own dataset. */
export interface BoardPage {
  listIndex: number;
  page: number;
  pageCount: number;
  entries: DatasetEntry[];
}

/** A row of the scroll or marquee stream: the entry and the dataset it came from. */
export interface FlatRow {
  entry: DatasetEntry;
  listIndex: number;
}

/**
 * The item's columns in its order, limited to those the dataset publishes (an empty
 * `dataset.fields` limits nothing); if none is left, the dataset's own columns.
 */
export function visibleFields(itemFields: ListField[], datasetFields: ListField[]): ListField[] {
  if (datasetFields.length === 0) return itemFields;
  const allowed = itemFields.filter((f) => datasetFields.includes(f));
  return allowed.length > 0 ? allowed : datasetFields;
}

/**
 * Datasets of the board's list type (a black list is never shown under red styling) with the
 * entries whose last day of display (`publishUntil`, inclusive) is not before `today`.
 */
export function liveLists(item: ListBoardItem, lists: Dataset[], today: string): LiveList[] {
  return lists
    .filter((d) => d.listType === item.selector.listType)
    .map((dataset) => ({
      dataset,
      entries: dataset.entries.filter((e) => e.publishUntil >= today),
      fields: visibleFields(item.fields, dataset.fields),
    }));
}

export function entryCount(lists: LiveList[]): number {
  return lists.reduce((n, l) => n + l.entries.length, 0);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * The page a paged board shows at `now`: pages of the first dataset, then of the next, one
 * every `dwellSec`, counted from the epoch so the player, a preview and the live mirror agree.
 * Datasets with no entry on display are skipped; null when nothing is left.
 */
export function pageAt(
  lists: LiveList[],
  rowsPerPage: number,
  dwellSec: number,
  now: number,
): BoardPage | null {
  const counts = lists.map((l) => Math.ceil(l.entries.length / rowsPerPage));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let slot = mod(Math.floor(now / (dwellSec * 1000)), total);
  for (const [listIndex, pageCount] of counts.entries()) {
    if (slot < pageCount) {
      const start = slot * rowsPerPage;
      const entries = lists[listIndex]?.entries.slice(start, start + rowsPerPage) ?? [];
      return { listIndex, page: slot + 1, pageCount, entries };
    }
    slot -= pageCount;
  }
  return null;
}

/** Milliseconds until the next page turn of a board with this dwell. */
export function msUntilNextPage(now: number, dwellSec: number): number {
  const dwellMs = dwellSec * 1000;
  return dwellMs - mod(now, dwellMs);
}

/** All entries on display, dataset after dataset, for the scroll and marquee modes. */
export function flatten(lists: LiveList[]): FlatRow[] {
  return lists.flatMap((l, listIndex) => l.entries.map((entry) => ({ entry, listIndex })));
}

/** A row of the scroll stream: an entry, or the heading that opens a category's section. */
export type StreamRow = ({ kind: 'entry' } & FlatRow) | { kind: 'section'; listIndex: number };

/** The scroll stream: with several categories, each section opens with its category's heading. */
export function streamRows(lists: LiveList[]): StreamRow[] {
  const several = lists.length > 1;
  return lists.flatMap((l, listIndex): StreamRow[] => {
    const entries = l.entries.map((entry): StreamRow => ({ kind: 'entry', entry, listIndex }));
    return several ? [{ kind: 'section', listIndex }, ...entries] : entries;
  });
}

/** Values longer than this get smaller type and a third line instead of being cut short. */
export const LONG_VALUE = 16;

/** Relative column widths, so names and reasons get room and dates stay narrow. */
const COLUMN_WEIGHT: Record<ListField, number> = {
  name: 3,
  code: 2.8,
  legalRep: 1.3,
  reason: 3,
  basis: 2.6,
  authority: 2,
  docNo: 2.2,
  // Room for 2027年12月31日 on one line.
  decisionDate: 2,
  publishUntil: 2,
};

export function gridColumns(fields: ListField[]): string {
  return fields.map((f) => `minmax(0, ${COLUMN_WEIGHT[f]}fr)`).join(' ');
}

export const LIST_TYPE_BADGE: Record<ListType, string> = {
  red: '守信激励 · 红榜',
  black: '失信惩戒 · 黑榜',
};

const DEFAULT_TITLE: Record<ListType, string> = {
  red: '诚信红榜',
  black: '失信黑榜',
};

export function boardTitle(listType: ListType, list: LiveList | undefined): string {
  return list?.dataset.title || DEFAULT_TITLE[listType];
}

/** The small print every board carries: where to object or apply for credit repair. */
export function repairNotice(listType: ListType, repairWindowText: string): string {
  const where = repairWindowText.trim() || '本大厅信用修复窗口';
  return listType === 'black'
    ? `如有异议或申请信用修复，请登录“信用中国”网站或到${where}办理`
    : `如对公示信息有异议，请登录“信用中国”网站或到${where}反映`;
}
