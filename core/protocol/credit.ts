import { z } from 'zod';
import { Dataset, ListField, ListType, SubjectType } from '../credit/dataset.js';
import { MaskPolicy } from '../credit/mask.js';
import { WindowRules } from '../credit/windowRules.js';
import { UploadId } from './events.js';
import { PageQuery } from './route.js';
import { DisplayName, FreeText } from './text.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

export const Unit = z.object({ id: z.string(), name: z.string() });
export type Unit = z.infer<typeof Unit>;
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
export const CategoryInfo = CategoryInput.extend({ id: z.string() });
export type CategoryInfo = z.infer<typeof CategoryInfo>;

export const BatchStatus = z.enum(['draft', 'submitted', 'approved', 'rejected', 'published', 'archived']);
export type BatchStatus = z.infer<typeof BatchStatus>;
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已通过',
  rejected: '已退回',
  published: '已发布',
  archived: '已归档',
};

const Instant = z.number();
const UserRef = z.string().nullable();

export const Batch = z.object({
  id: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  listType: ListType,
  status: BatchStatus,
  sourceName: z.string(),
  entries: z.number().int(),
  anomalies: z.number().int(),
  createdBy: UserRef,
  createdAt: Instant,
  submittedBy: UserRef,
  submittedAt: Instant.nullable(),
  reviewedBy: UserRef,
  reviewedAt: Instant.nullable(),
  reviewComment: z.string().nullable(),
  publishedAt: Instant.nullable(),
});
export type Batch = z.infer<typeof Batch>;
export const BatchDetail = Batch.extend({
  /** Entries on display now, for a published batch. */
  onDisplay: z.number().int(),
});
export type BatchDetail = z.infer<typeof BatchDetail>;
/** A published batch and the change that carries it to the screens (null when nothing changed). */
export const PublishResult = Batch.extend({ changeId: z.string().nullable() });
export type PublishResult = z.infer<typeof PublishResult>;

export const EntryStatus = z.enum(['active', 'repaired', 'withdrawn', 'expired', 'objection-pending']);
export type EntryStatus = z.infer<typeof EntryStatus>;
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  active: '有效',
  repaired: '已信用修复',
  withdrawn: '已撤销',
  expired: '已到期',
  'objection-pending': '异议处理中',
};

/** An entry as the admin sees it: masked code, never a full ID number. */
export const EntryView = z.object({
  id: z.string(),
  batchId: z.string(),
  batchStatus: BatchStatus,
  categoryId: z.string(),
  categoryName: z.string(),
  listType: ListType,
  rowNumber: z.number().int().nullable(),
  subjectType: SubjectType,
  name: z.string(),
  code: z.string(),
  legalRep: z.string(),
  reason: z.string(),
  basis: z.string(),
  docNo: z.string(),
  authority: z.string(),
  decisionDate: z.string(),
  severity: z.string().nullable(),
  publishFrom: z.string(),
  publishUntil: z.string(),
  ruleSetVersion: z.string(),
  status: EntryStatus,
  statusReason: z.string().nullable(),
  statusAt: Instant.nullable(),
  codeAnomaly: z.boolean(),
  anomalyAccepted: z.boolean(),
  flags: z.array(z.string()),
  onDisplay: z.boolean(),
});
export type EntryView = z.infer<typeof EntryView>;
/** A page of entries and how many there are in all. */
export const EntryPage = z.object({ total: z.number().int(), entries: z.array(EntryView) });
export type EntryPage = z.infer<typeof EntryPage>;

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

export const RowIssue = z.object({
  /** The header text as the file shows it. */
  column: z.string(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof RowIssue>;
export const PreviewRowStatus = z.enum(['ok', 'warning', 'error']);
export const PreviewRow = z.object({
  row: z.number().int(),
  status: PreviewRowStatus,
  errors: z.array(RowIssue),
  warnings: z.array(RowIssue),
  /** Kept flagged: only the check character is wrong; publishable after a reviewer accepts it. */
  codeAnomaly: z.boolean(),
  /** Masked values, as they would be stored and shown. */
  values: z.object({
    subjectType: z.string(),
    name: z.string(),
    code: z.string(),
    legalRep: z.string(),
    reason: z.string(),
    docNo: z.string(),
    authority: z.string(),
    decisionDate: z.string(),
    publishFrom: z.string(),
    publishUntil: z.string(),
    severity: z.string(),
  }),
});
export type PreviewRow = z.infer<typeof PreviewRow>;
/** A checked upload waiting to be confirmed into a batch, without its sample rows. */
export const ImportSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().optional(),
  headerRow: z.number().int(),
  columns: z.array(z.object({ field: z.string(), header: z.string() })),
  total: z.number().int(),
  ok: z.number().int(),
  warning: z.number().int(),
  error: z.number().int(),
  /** Rows that confirm would write: ok, warning and code-anomaly rows. */
  importable: z.number().int(),
  fileWarnings: z.array(z.object({ code: z.string(), message: z.string() })),
  expiresAt: Instant,
});
export type ImportSummary = z.infer<typeof ImportSummary>;
export const ImportPreview = ImportSummary.extend({
  /** The first rows with issues, for an at-a-glance view; page through the rest. */
  sample: z.array(PreviewRow),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
/** A page of a preview's rows. */
export const PreviewRowPage = z.object({ total: z.number().int(), rows: z.array(PreviewRow) });
export type PreviewRowPage = z.infer<typeof PreviewRowPage>;
/** What the upload names besides the file (in the query: the body is the file). */
export const ImportTarget = z.object({
  unitId: z.string().min(1, '请选择成员单位'),
  categoryId: z.string().min(1, '请选择名单类别'),
  /** The admin follows the reading and checking of a large file on its socket by this id. */
  uploadId: UploadId.optional(),
});
export type ImportTarget = z.infer<typeof ImportTarget>;
export const PreviewRowQuery = PageQuery.extend({
  status: z.union([PreviewRowStatus, z.literal('')]).default(''),
});
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

export const Takedown = z.object({
  id: z.string(),
  entryId: z.string(),
  entryName: z.string(),
  categoryName: z.string(),
  kind: z.union([WithdrawKind, z.literal('correction')]),
  reason: z.string(),
  docNo: z.string(),
  requestedBy: UserRef,
  requestedAt: Instant,
  changeId: z.string().nullable(),
  screens: z.number().int(),
  confirmed: z.number().int(),
});
export type Takedown = z.infer<typeof Takedown>;
export const TakedownDetail = Takedown.extend({
  perScreen: z.array(
    z.object({
      screenId: z.string(),
      screenName: z.string(),
      renderedAt: Instant.nullable(),
      online: z.boolean(),
    }),
  ),
  /** The legal ceiling: three working days after the request (working-day calendar). */
  deadline: z.string(),
});
export type TakedownDetail = z.infer<typeof TakedownDetail>;

export const AuditRecord = z.object({
  seq: z.number().int(),
  at: Instant,
  actor: UserRef,
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  summary: z.unknown(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
export const AuditPage = z.object({ total: z.number().int(), records: z.array(AuditRecord) });
/** The audit chain checked end to end (`hallcast audit verify` over HTTP, for the audit administrator). */
export const AuditVerify = z.object({
  ok: z.boolean(),
  /** Records checked (up to the break when broken). */
  records: z.number().int(),
  /** The seq of the first record that breaks the chain, null when whole. */
  brokenAt: z.number().int().nullable(),
  /** The newest record's MAC when whole. */
  head: z.string().nullable(),
  /** The crypto suites of the chain's runs, oldest first. */
  suites: z.array(z.enum(['standard', 'gm'])),
});
export type AuditVerify = z.infer<typeof AuditVerify>;
export type AuditPage = z.infer<typeof AuditPage>;

/** The public feed: the lists on display today, as the screens get them. */
export const PublicLists = z.object({ generatedOn: z.string(), lists: z.array(Dataset) });
export type PublicLists = z.infer<typeof PublicLists>;

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
export const ApiKeyInfo = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ApiKeyScope),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type ApiKeyInfo = z.infer<typeof ApiKeyInfo>;
/** A new key and its secret, shown this once. */
export const ApiKeyWithSecret = z.object({ key: ApiKeyInfo, secret: z.string() });
export type ApiKeyWithSecret = z.infer<typeof ApiKeyWithSecret>;

/** ?q=&status=&listType= over the entries, a page at a time. */
export const EntrySearch = PageQuery.extend({
  q: z.string().max(100).default(''),
  status: z.union([EntryStatus, z.literal('')]).default(''),
  listType: z.union([ListType, z.literal('')]).default(''),
});
export type EntrySearch = z.infer<typeof EntrySearch>;
export const BatchListQuery = z.object({ status: z.union([BatchStatus, z.literal('')]).default('') });
export const CalendarYear = z.coerce.number().int().min(2000).max(2100);
