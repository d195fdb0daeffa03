import { ENTRY_FIELDS, type EntryField } from '../../../../core/credit/entry.js';
import { toHalfWidth } from './text.js';

/**
 * The fields an import row can carry: an entry's (core/credit/entry.ts), in template order. A
 * phone column is recognised only to be dropped.
 */
export const IMPORT_FIELDS = ENTRY_FIELDS;
export type ImportField = EntryField;

export interface ImportColumn {
  field: ImportField;
  /** The name the template uses and messages show. */
  label: string;
  required: boolean;
  date: boolean;
  /** Header texts accepted for it, compared after `normaliseHeader`. */
  variants: string[];
}

function col(field: ImportField, variants: string[], required = false, date = false): ImportColumn {
  return { field, label: variants[0] ?? field, required, date, variants };
}

/** In template order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  col('listType', ['名单类型', '红黑榜']),
  col('category', ['类别', '名单类别']),
  col('subjectType', ['主体类型', '主体类别', '类型'], true),
  col('name', ['主体名称', '名称', '企业名称', '单位名称', '姓名', '当事人名称'], true),
  col(
    'code',
    ['统一社会信用代码', '信用代码', '社会信用代码', '证件号码', '身份证号', '身份证号码', '证件号'],
    true,
  ),
  col('legalRep', ['法定代表人', '负责人', '经营者']),
  col('reason', ['列入事由', '失信行为', '守信事由', '事由', '失信事实', '主要事实'], true),
  col('basis', ['认定依据', '依据', '列入依据']),
  col('docNo', ['决定书文号', '文书号', '决定文书号', '文号'], true),
  col('authority', ['认定部门', '认定单位', '作出决定机关', '决定机关'], true),
  col('decisionDate', ['认定日期', '决定日期', '列入日期', '作出决定日期'], true, true),
  col('severity', ['严重程度', '失信程度', '等级']),
  col('publishFrom', ['公示起始日期', '公示开始日期', '公示起始'], false, true),
  col('publishUntil', ['公示截止日期', '公示截止期', '公示期限至', '公示结束日期'], false, true),
];

export const COLUMN_BY_FIELD = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c])) as Record<
  ImportField,
  ImportColumn
>;

/** Columns read only so they are not reported as unknown; their values are never kept. */
const DROPPED = ['联系电话', '电话', '手机', '手机号码', '联系方式'];
/** Columns that carry nothing to import and are too common to warn about. */
const SILENT = ['序号'];

export type HeaderMatch = { kind: 'field'; field: ImportField } | { kind: 'drop' } | { kind: 'silent' };

const LOOKUP = new Map<string, HeaderMatch>();
for (const c of IMPORT_COLUMNS) for (const v of c.variants) LOOKUP.set(v, { kind: 'field', field: c.field });
for (const v of DROPPED) LOOKUP.set(v, { kind: 'drop' });
for (const v of SILENT) LOOKUP.set(v, { kind: 'silent' });

/**
 * Header text as compared: half-width, bracketed notes dropped (`（必填）`, `(负责人)`,
 * `【选填】`), then spaces, line breaks, asterisks and colons dropped.
 */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>|《[^》]*》/g, '')
    .replace(/[\s*:()[\]【】〔〕<>《》※★]/g, '');
}

/**
 * What a header cell means, or null for an unknown column. `统一社会信用代码/证件号码` and
 * similar combined headers match on any of their parts.
 */
export function matchHeader(text: string): HeaderMatch | null {
  const norm = normaliseHeader(text);
  if (!norm) return null;
  const exact = LOOKUP.get(norm);
  if (exact) return exact;
  for (const part of norm.split(/[/、|或]/)) {
    const m = LOOKUP.get(part);
    if (m) return m;
  }
  return null;
}
