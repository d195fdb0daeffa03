import { z } from 'zod';

/** Red list (守信激励) or black list (失信惩戒). */
export const ListType = z.enum(['red', 'black']);
export type ListType = z.infer<typeof ListType>;

/** 法人及非法人组织 / 个体工商户 / 自然人. */
export const SubjectType = z.enum(['org', 'sole-trader', 'person']);
export type SubjectType = z.infer<typeof SubjectType>;

export const SUBJECT_TYPE_LABELS: Record<SubjectType, string> = {
  org: '法人及非法人组织',
  'sole-trader': '个体工商户',
  person: '自然人',
};

/** Fields a list board may show, in the order an item names them. */
export const ListField = z.enum([
  'name',
  'code',
  'legalRep',
  'reason',
  'basis',
  'authority',
  'docNo',
  'decisionDate',
  'publishUntil',
]);
export type ListField = z.infer<typeof ListField>;

export const LIST_FIELD_LABELS: Record<ListField, string> = {
  name: '名称',
  code: '统一社会信用代码/证件号',
  legalRep: '法定代表人',
  reason: '事由',
  basis: '认定依据',
  authority: '认定部门',
  docNo: '决定书文号',
  decisionDate: '认定日期',
  publishUntil: '公示截止',
};

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** One entry as it leaves the server: masked values only. */
export const DatasetEntry = z.object({
  id: z.string(),
  subjectType: SubjectType,
  name: z.string(),
  code: z.string(),
  legalRep: z.string(),
  reason: z.string(),
  basis: z.string(),
  authority: z.string(),
  docNo: z.string(),
  decisionDate: IsoDate,
  publishUntil: IsoDate,
});
export type DatasetEntry = z.infer<typeof DatasetEntry>;

/**
 * A published list dataset: one per category. No timestamp inside, so the same
 * content always hashes the same (ARCHITECTURE "Datasets").
 */
export const Dataset = z.object({
  listType: ListType,
  category: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  fields: z.array(ListField),
  entries: z.array(DatasetEntry),
});
export type Dataset = z.infer<typeof Dataset>;
