import type { Dataset, DatasetEntry, ListType } from '../../core/credit/dataset.js';
import type { ListBoardItem } from '../../core/manifest/types.js';
import type { RenderContext } from './types.js';

/** 2026-11-27 15:04 in Asia/Shanghai (a Friday). */
export const FRIDAY_1504_SHANGHAI = Date.UTC(2026, 10, 27, 7, 4);

export function entry(id: string, over: Partial<DatasetEntry> = {}): DatasetEntry {
  return {
    id,
    subjectType: 'org',
    name: `黑河市某某商贸有限公司${id}`,
    code: '91231100MA1B2C3D4E',
    legalRep: '王某某',
    reason: '按期足额纳税，纳税信用评价为A级',
    basis: '《纳税信用管理办法（试行）》',
    authority: '国家税务总局黑河市税务局',
    docNo: '黑税〔2026〕12号',
    decisionDate: '2026-04-01',
    publishUntil: '2027-03-31',
    ...over,
  };
}

export function dataset(listType: ListType, entries: DatasetEntry[], over: Partial<Dataset> = {}): Dataset {
  return {
    listType,
    category:
      listType === 'red' ? { id: 'tax-a', name: '纳税信用A级纳税人' } : { id: 'court', name: '失信被执行人' },
    title: listType === 'red' ? '2026年第三季度诚信红榜' : '2026年第三季度失信黑榜',
    fields: [],
    entries,
    ...over,
  };
}

export function manyEntries(n: number, over: Partial<DatasetEntry> = {}): DatasetEntry[] {
  return Array.from({ length: n }, (_, i) => entry(`e${i}`, over));
}

export function boardItem(over: Partial<ListBoardItem> = {}): ListBoardItem {
  return {
    id: 'board-1',
    name: '红榜',
    kind: 'list-board',
    durationMs: 60_000,
    selector: { listType: 'red', categoryIds: 'all' },
    mode: 'paged',
    rowsPerPage: 10,
    dwellSec: 10,
    fields: ['name', 'code', 'reason', 'publishUntil'],
    ...over,
  };
}

export function context(over: Partial<RenderContext> = {}): RenderContext {
  return {
    lists: [],
    mediaUrl: (hash) => `/media/${hash}`,
    now: () => FRIDAY_1504_SHANGHAI,
    timezone: 'Asia/Shanghai',
    hall: { name: '黑河市政务服务中心', repairWindowText: '一楼综合窗口（信用修复）' },
    canvas: { width: 1920, height: 1080 },
    ...over,
  };
}
