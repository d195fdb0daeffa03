import { z } from 'zod';
import {
  AcceptAnomaly,
  ApiKeyCreate,
  ApiKeyInfo,
  ApiKeyWithSecret,
  AuditPage,
  AuditVerify,
  Batch,
  BatchDetail,
  BatchListQuery,
  CalendarDay,
  CalendarYear,
  CategoryInfo,
  CategoryInput,
  CorrectRequest,
  EntryEdit,
  EntryPage,
  EntrySearch,
  EntryView,
  ImportConfirm,
  ImportPreview,
  ImportSummary,
  ImportTarget,
  ObjectionRequest,
  PreviewRowPage,
  PreviewRowQuery,
  PublicLists,
  PublishResult,
  RejectRequest,
  ReviewComment,
  Takedown,
  TakedownDetail,
  Unit,
  UnitInput,
  WithdrawByCode,
  WithdrawRequest,
} from '../credit.js';
import { NoContent, PageQuery, raw, route } from '../route.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Member units that lists are imported for. */
export const units = {
  list: route({
    method: 'get',
    path: '/api/units',
    access: 'view',
    summary: '成员单位列表',
    response: z.array(Unit),
  }),
  create: route({
    method: 'post',
    path: '/api/units',
    access: 'manage-system',
    summary: '新增成员单位',
    body: UnitInput,
    response: Unit,
    status: 201,
  }),
};

/** List categories, each of a red or a black list. */
export const categories = {
  list: route({
    method: 'get',
    path: '/api/categories',
    access: 'view',
    summary: '名单类别列表',
    response: z.array(CategoryInfo),
  }),
  create: route({
    method: 'post',
    path: '/api/categories',
    access: 'manage-system',
    summary: '新增名单类别',
    body: CategoryInput,
    response: CategoryInfo,
    status: 201,
  }),
  update: route({
    method: 'put',
    path: '/api/categories/:id',
    access: 'manage-system',
    summary: '修改名单类别',
    body: CategoryInput,
    response: CategoryInfo,
  }),
};

/** Imports: the template, upload and preview, staged rows, confirm into a batch, abandon. */
export const imports = {
  template: route({
    method: 'get',
    path: '/api/imports/template',
    access: 'view',
    summary: '下载导入模板（含当前类别与成员单位）',
    response: raw(XLSX),
  }),
  upload: route({
    method: 'post',
    path: '/api/imports',
    access: 'edit-lists',
    summary: '上传名单文件并预检（请求体即文件，文件名在 x-file-name，百分号编码）',
    query: ImportTarget,
    response: ImportPreview,
    status: 201,
  }),
  mine: route({
    method: 'get',
    path: '/api/imports',
    access: 'edit-lists',
    summary: '我的待确认预检',
    response: z.array(ImportSummary),
  }),
  rows: route({
    method: 'get',
    path: '/api/imports/:id/rows',
    access: 'edit-lists',
    summary: '预检行（分页，可按状态筛选）',
    query: PreviewRowQuery,
    response: PreviewRowPage,
  }),
  confirm: route({
    method: 'post',
    path: '/api/imports/:id/confirm',
    access: 'edit-lists',
    summary: '确认导入为草稿批次',
    body: ImportConfirm,
    response: BatchDetail,
    status: 201,
  }),
  abandon: route({
    method: 'delete',
    path: '/api/imports/:id',
    access: 'edit-lists',
    summary: '放弃预检',
    response: NoContent,
  }),
};

/** Batches: list, detail and entries, edit, delete, and the submit, review and publish steps. */
export const batches = {
  list: route({
    method: 'get',
    path: '/api/batches',
    access: 'view',
    summary: '批次列表（可按状态筛选）',
    query: BatchListQuery,
    response: z.array(Batch),
  }),
  get: route({
    method: 'get',
    path: '/api/batches/:id',
    access: 'view',
    summary: '批次详情',
    response: BatchDetail,
  }),
  entries: route({
    method: 'get',
    path: '/api/batches/:id/entries',
    access: 'view',
    summary: '批次条目（分页）',
    query: PageQuery,
    response: EntryPage,
  }),
  editEntry: route({
    method: 'patch',
    path: '/api/batches/:id/entries/:entryId',
    access: 'edit-lists',
    summary: '修改批次中的条目（已提交的批次退回草稿）',
    body: EntryEdit,
    response: EntryView,
  }),
  remove: route({
    method: 'delete',
    path: '/api/batches/:id',
    access: 'edit-lists',
    summary: '删除未发布的批次',
    response: NoContent,
  }),
  submit: route({
    method: 'post',
    path: '/api/batches/:id/submit',
    access: 'edit-lists',
    summary: '提交审核',
    response: Batch,
  }),
  approve: route({
    method: 'post',
    path: '/api/batches/:id/approve',
    access: 'review',
    summary: '审核通过（不能审核自己创建或修改的内容）',
    body: ReviewComment,
    response: Batch,
  }),
  reject: route({
    method: 'post',
    path: '/api/batches/:id/reject',
    access: 'review',
    summary: '退回修改',
    body: RejectRequest,
    response: Batch,
  }),
  publish: route({
    method: 'post',
    path: '/api/batches/:id/publish',
    access: 'review',
    summary: '发布上屏',
    response: PublishResult,
  }),
};

/** Published entries: search, withdraw (by code or one), accept an anomaly, correct, objection. */
export const entries = {
  search: route({
    method: 'get',
    path: '/api/entries',
    access: 'view',
    summary: '检索名单条目（名称或统一代码/身份证号）',
    query: EntrySearch,
    response: EntryPage,
  }),
  withdrawByCode: route({
    method: 'post',
    path: '/api/entries/withdraw-by-code',
    access: 'withdraw-entries',
    summary: '按统一代码或身份证号撤下所有有效条目',
    body: WithdrawByCode,
    response: z.array(Takedown),
  }),
  acceptAnomaly: route({
    method: 'post',
    path: '/api/entries/:id/accept-anomaly',
    access: 'review',
    summary: '接受代码校验位异常',
    body: AcceptAnomaly,
    response: EntryView,
  }),
  withdraw: route({
    method: 'post',
    path: '/api/entries/:id/withdraw',
    access: 'withdraw-entries',
    summary: '撤下条目（信用修复、异议成立、撤销）',
    body: WithdrawRequest,
    response: Takedown,
  }),
  correct: route({
    method: 'post',
    path: '/api/entries/:id/correct',
    access: 'edit-lists',
    summary: '更正条目：原条目即时撤下，更正后的副本进入新的草稿批次待审',
    body: CorrectRequest,
    response: BatchDetail,
    status: 201,
  }),
  objection: route({
    method: 'post',
    path: '/api/entries/:id/objection',
    access: 'set-objection',
    summary: '标记或解除异议处理中',
    body: ObjectionRequest,
    response: EntryView,
  }),
};

/** Takedowns: the list, a page at a time, and one takedown's detail. */
export const takedowns = {
  list: route({
    method: 'get',
    path: '/api/takedowns',
    access: 'view',
    summary: '撤下记录（分页）',
    query: PageQuery,
    response: z.array(Takedown),
  }),
  get: route({
    method: 'get',
    path: '/api/takedowns/:id',
    access: 'view',
    summary: '撤下详情（逐屏确认与法定时限）',
    response: TakedownDetail,
  }),
};

/** A year's calendar of holidays and make-up workdays (the takedown deadlines count working days). */
export const calendar = {
  get: route({
    method: 'get',
    path: '/api/calendar',
    access: 'view',
    summary: '某年的节假日与调休工作日（默认今年）',
    query: z.object({ year: CalendarYear.optional() }),
    response: z.array(CalendarDay),
  }),
  set: route({
    method: 'put',
    path: '/api/calendar/:year',
    access: 'edit-lists',
    summary: '保存某年的节假日与调休工作日',
    body: z.array(CalendarDay).max(400),
    response: z.array(CalendarDay),
  }),
};

/** The published lists as a workbook and as a print-ready page, and the public feed. */
export const exports = {
  xlsx: route({
    method: 'get',
    path: '/api/exports/lists.xlsx',
    access: 'view',
    summary: '导出当前公示的名单（Excel）',
    response: raw(XLSX),
  }),
  html: route({
    method: 'get',
    path: '/api/exports/lists.html',
    access: 'view',
    summary: '当前公示的名单（可打印页面）',
    response: raw('text/html'),
  }),
  publicFeed: route({
    method: 'get',
    path: '/api/public/lists.json',
    access: 'public',
    summary: '公开数据：当前公示的名单（无需登录，缓存一分钟）',
    response: PublicLists,
  }),
};

/** The credit platform's push and the API keys that authorise it. */
export const platform = {
  withdrawals: route({
    method: 'post',
    path: '/api/platform/withdrawals',
    access: 'public',
    credential: 'api-key',
    summary: '信用平台推送撤下（Authorization: Bearer <API 密钥>，需 withdraw 权限）',
    body: WithdrawByCode,
    response: z.array(Takedown),
  }),
};
export const apiKeys = {
  list: route({
    method: 'get',
    path: '/api/api-keys',
    access: 'manage-security',
    summary: 'API 密钥列表',
    response: z.array(ApiKeyInfo),
  }),
  create: route({
    method: 'post',
    path: '/api/api-keys',
    access: 'manage-security',
    summary: '新建 API 密钥（密钥只显示这一次）',
    body: ApiKeyCreate,
    response: ApiKeyWithSecret,
    status: 201,
  }),
  revoke: route({
    method: 'delete',
    path: '/api/api-keys/:id',
    access: 'manage-security',
    summary: '吊销 API 密钥',
    response: NoContent,
  }),
};

/** The audit log, a page at a time. */
export const audit = {
  list: route({
    method: 'get',
    path: '/api/audit',
    access: 'session',
    summary: '审计日志（分页）：审计管理员看全部，安全管理员看本人与审计管理员的操作，其他人看本人的操作',
    query: PageQuery,
    response: AuditPage,
  }),
  export: route({
    method: 'get',
    path: '/api/audit/export',
    access: 'read-audit',
    summary: '导出全部审计日志（CSV，UTF-8）：审计管理员',
    response: raw('text/csv'),
  }),
  verify: route({
    method: 'get',
    path: '/api/audit/verify',
    access: 'read-audit',
    summary: '校验审计日志哈希链：审计管理员',
    response: AuditVerify,
  }),
};
