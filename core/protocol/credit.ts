import { z } from 'zod';
import { ListField, ListType, type SubjectType } from '../credit/dataset.js';
import { MaskPolicy } from '../credit/mask.js';
import { WindowRules } from '../credit/windowRules.js';
import { DisplayName, FreeText } from './text.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

export interface Unit {
  id: string;
  name: string;
}
export const UnitInput = z.object({ name: DisplayName('单位名称') });
export type UnitInput = z.infer<typeof UnitInput>;

export const CategoryInput = z.object({
  name: DisplayName('类别名称'),
  listType: ListType,
  windowRules: WindowRules,
  maskPolicy: MaskPolicy,
  objectionPolicy: z.enum(['keep', 'suspend']),
  /** The list's legal basis requires a person's name in full (e.g. 失信被执行人). */
  publishPersonName: z.boolean(),
  fields: z.array(ListField).min(1),
});
export type CategoryInput = z.infer<typeof CategoryInput>;
export interface CategoryInfo extends CategoryInput {
  id: string;
}

export type BatchStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'published' | 'archived';
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已通过',
  rejected: '已退回',
  published: '已发布',
  archived: '已归档',
};

export interface Batch {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  categoryId: string;
  categoryName: string;
  listType: ListType;
  status: BatchStatus;
  sourceName: string;
  entries: number;
  anomalies: number;
  createdBy: string | null;
  createdAt: number;
  submittedBy: string | null;
  submittedAt: number | null;
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
  publishedAt: number | null;
}
export interface BatchDetail extends Batch {
  /** Entries on display now, for a published batch. */
  onDisplay: number;
}

export type EntryStatus = 'active' | 'repaired' | 'withdrawn' | 'expired' | 'objection-pending';
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  active: '有效',
  repaired: '已信用修复',
  withdrawn: '已撤销',
  expired: '已到期',
  'objection-pending': '异议处理中',
};

/** An entry as the admin sees it: masked code, never a full ID number. */
export interface EntryView {
  id: string;
  batchId: string;
  batchStatus: BatchStatus;
  categoryId: string;
  categoryName: string;
  listType: ListType;
  rowNumber: number | null;
  subjectType: SubjectType;
  name: string;
  code: string;
  legalRep: string;
  reason: string;
  basis: string;
  docNo: string;
  authority: string;
  decisionDate: string;
  severity: string | null;
  publishFrom: string;
  publishUntil: string;
  ruleSetVersion: string;
  status: EntryStatus;
  statusReason: string | null;
  statusAt: number | null;
  codeAnomaly: boolean;
  anomalyAccepted: boolean;
  flags: string[];
  onDisplay: boolean;
}

export const EntryEdit = z.object({
  name: DisplayName('主体名称', 200).optional(),
  legalRep: FreeText({ label: '法定代表人', max: 100 }).optional(),
  reason: FreeText({ label: '事由', min: 1, max: 1000 }).optional(),
  basis: FreeText({ label: '认定依据', max: 500 }).optional(),
  docNo: FreeText({ label: '决定书文号', min: 1, max: 200 }).optional(),
  authority: FreeText({ label: '认定部门', min: 1, max: 200 }).optional(),
  decisionDate: IsoDate.optional(),
  severity: z.enum(['轻微', '一般', '严重']).nullable().optional(),
  publishFrom: IsoDate.optional(),
  publishUntil: IsoDate.optional(),
});
export type EntryEdit = z.infer<typeof EntryEdit>;

export interface RowIssue {
  /** The header text as the file shows it. */
  column: string;
  field: string;
  code: string;
  message: string;
}
export interface PreviewRow {
  row: number;
  status: 'ok' | 'warning' | 'error';
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Kept flagged: only the check character is wrong; publishable after a reviewer accepts it. */
  codeAnomaly: boolean;
  /** Masked values, as they would be stored and shown. */
  values: {
    subjectType: string;
    name: string;
    code: string;
    legalRep: string;
    reason: string;
    docNo: string;
    authority: string;
    decisionDate: string;
    publishFrom: string;
    publishUntil: string;
    severity: string;
  };
}
export interface ImportPreview {
  id: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding?: string;
  headerRow: number;
  columns: { field: string; header: string }[];
  total: number;
  ok: number;
  warning: number;
  error: number;
  /** Rows that confirm would write: ok, warning and code-anomaly rows. */
  importable: number;
  fileWarnings: { code: string; message: string }[];
  expiresAt: number;
  /** The first rows with issues, for an at-a-glance view; page through the rest. */
  sample: PreviewRow[];
}
export const ImportConfirm = z.object({ title: DisplayName('批次标题', 200) });

export const ReviewComment = z.object({ comment: FreeText({ label: '审核意见', max: 1000 }).optional() });
export const RejectRequest = z.object({
  comment: FreeText({ label: '退回意见', min: 1, minMessage: '请填写退回意见', max: 1000 }),
});
export const AcceptAnomaly = z.object({
  reason: FreeText({ label: '接受理由', min: 2, minMessage: '请填写接受理由', max: 500 }),
});

export const WithdrawKind = z.enum(['repair', 'objection', 'revocation']);
export type WithdrawKind = z.infer<typeof WithdrawKind>;
export const WITHDRAW_KIND_LABELS: Record<WithdrawKind | 'correction' | 'expiry', string> = {
  repair: '信用修复',
  objection: '异议成立',
  revocation: '撤销',
  correction: '更正',
  expiry: '公示到期',
};
export const WithdrawRequest = z.object({
  kind: WithdrawKind,
  reason: FreeText({ label: '撤下理由', min: 2, minMessage: '请填写撤下理由', max: 500 }),
  docNo: FreeText({ label: '决定文书号', min: 1, minMessage: '请填写决定文书号', max: 200 }),
});
export type WithdrawRequest = z.infer<typeof WithdrawRequest>;
export const WithdrawByCode = WithdrawRequest.extend({
  /** A USCC, or a full ID number (matched through the keyed hash, never stored). */
  code: z.string().trim().min(6).max(40),
});
export type WithdrawByCode = z.infer<typeof WithdrawByCode>;
/** A correction: the entry's corrected fields, and why and under which document it is corrected. */
export const CorrectRequest = EntryEdit.extend({
  correctionReason: FreeText({ label: '更正理由', min: 2, minMessage: '请填写更正理由', max: 500 }),
  correctionDocNo: FreeText({
    label: '更正决定文书号',
    min: 1,
    minMessage: '请填写更正决定文书号',
    max: 200,
  }),
});
export type CorrectRequest = z.infer<typeof CorrectRequest>;
export const ObjectionRequest = z.object({
  pending: z.boolean(),
  reason: FreeText({ label: '异议说明', min: 2, max: 500 }),
});

export interface Takedown {
  id: string;
  entryId: string;
  entryName: string;
  categoryName: string;
  kind: WithdrawKind | 'correction';
  reason: string;
  docNo: string;
  requestedBy: string | null;
  requestedAt: number;
  changeId: string | null;
  screens: number;
  confirmed: number;
}
export interface TakedownDetail extends Takedown {
  perScreen: { screenId: string; screenName: string; renderedAt: number | null; online: boolean }[];
  /** The legal ceiling: three working days after the request (working-day calendar). */
  deadline: string;
}

export interface AuditRecord {
  seq: number;
  at: number;
  actor: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  summary: unknown;
}

export const CalendarDay = z.object({
  date: IsoDate,
  kind: z.enum(['holiday', 'workday']),
  name: FreeText({ label: '节假日名称', max: 50 }).default(''),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const ApiKeyScope = z.enum(['withdraw', 'read']);
export const ApiKeyCreate = z.object({
  name: DisplayName('密钥名称'),
  scopes: z.array(ApiKeyScope).min(1),
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;
export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  scopes: z.infer<typeof ApiKeyScope>[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}
