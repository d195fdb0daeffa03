import type { ListType } from '../../core/credit/dataset.js';
import type {
  ApiKeyCreate,
  ApiKeyInfo,
  AuditRecord,
  Batch,
  BatchDetail,
  BatchStatus,
  CalendarDay,
  CategoryInfo,
  CategoryInput,
  EntryEdit,
  EntryStatus,
  EntryView,
  ImportPreview,
  PreviewRow,
  Takedown,
  TakedownDetail,
  Unit,
  UnitInput,
  WithdrawByCode,
  WithdrawRequest,
} from '../../core/protocol/credit.js';
import { api } from '../lib/api.js';
import { uploadFile } from './uploadFile.js';

const id = (value: string) => encodeURIComponent(value);

/** '?a=1&b=x' from the defined values; '' when there are none. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** One page of a list the server pages (offset/limit). */
export interface PageQuery {
  offset: number;
  limit: number;
}
export type PreviewStatus = PreviewRow['status'];
export type ApiKeyWithSecret = { key: ApiKeyInfo; secret: string };
export type CorrectBody = EntryEdit & { correctionReason: string; correctionDocNo: string };

export const IMPORT_TEMPLATE_URL = '/api/imports/template';

export const unitsApi = {
  list: () => api.get<Unit[]>('/api/units'),
  create: (body: UnitInput) => api.post<Unit>('/api/units', body),
};

export const categoriesApi = {
  list: () => api.get<CategoryInfo[]>('/api/categories'),
  create: (body: CategoryInput) => api.post<CategoryInfo>('/api/categories', body),
  update: (categoryId: string, body: CategoryInput) =>
    api.put<CategoryInfo>(`/api/categories/${id(categoryId)}`, body),
};

export const importsApi = {
  /**
   * Sends the file as the raw body; returns { promise, abort }. The server reports its reading and
   * checking as `import:progress` events carrying `uploadId` to this session's admin socket.
   */
  upload: (
    file: File,
    target: { unitId: string; categoryId: string; uploadId: string },
    onProgress: (fraction: number) => void,
  ) => uploadFile<ImportPreview>(`/api/imports${query(target)}`, file, onProgress),
  rows: (importId: string, status: PreviewStatus | undefined, page: PageQuery) =>
    api.get<{ total: number; rows: PreviewRow[] }>(
      `/api/imports/${id(importId)}/rows${query({ status, ...page })}`,
    ),
  confirm: (importId: string, title: string) =>
    api.post<Batch>(`/api/imports/${id(importId)}/confirm`, { title }),
};

export const batchesApi = {
  list: (status?: BatchStatus) => api.get<Batch[]>(`/api/batches${query({ status })}`),
  get: (batchId: string) => api.get<BatchDetail>(`/api/batches/${id(batchId)}`),
  entries: (batchId: string, page: PageQuery) =>
    api.get<{ total: number; entries: EntryView[] }>(
      `/api/batches/${id(batchId)}/entries${query({ ...page })}`,
    ),
  editEntry: (batchId: string, entryId: string, body: EntryEdit) =>
    api.patch<EntryView>(`/api/batches/${id(batchId)}/entries/${id(entryId)}`, body),
  remove: (batchId: string) => api.delete(`/api/batches/${id(batchId)}`),
  submit: (batchId: string) => api.post<Batch>(`/api/batches/${id(batchId)}/submit`),
  approve: (batchId: string, comment?: string) =>
    api.post<Batch>(`/api/batches/${id(batchId)}/approve`, comment ? { comment } : {}),
  reject: (batchId: string, comment: string) =>
    api.post<Batch>(`/api/batches/${id(batchId)}/reject`, { comment }),
  publish: (batchId: string) => api.post<Batch>(`/api/batches/${id(batchId)}/publish`),
};

export interface EntrySearch extends PageQuery {
  q?: string;
  status?: EntryStatus;
  listType?: ListType;
}

export const entriesApi = {
  search: (params: EntrySearch) =>
    api.get<{ total: number; entries: EntryView[] }>(`/api/entries${query({ ...params })}`),
  acceptAnomaly: (entryId: string, reason: string) =>
    api.post<EntryView>(`/api/entries/${id(entryId)}/accept-anomaly`, { reason }),
  withdraw: (entryId: string, body: WithdrawRequest) =>
    api.post<Takedown>(`/api/entries/${id(entryId)}/withdraw`, body),
  withdrawByCode: (body: WithdrawByCode) => api.post<Takedown[]>('/api/entries/withdraw-by-code', body),
  correct: (entryId: string, body: CorrectBody) =>
    api.post<Batch>(`/api/entries/${id(entryId)}/correct`, body),
  objection: (entryId: string, pending: boolean, reason: string) =>
    api.post<EntryView>(`/api/entries/${id(entryId)}/objection`, { pending, reason }),
};

export const takedownsApi = {
  list: (page: PageQuery) => api.get<Takedown[]>(`/api/takedowns${query({ ...page })}`),
  get: (takedownId: string) => api.get<TakedownDetail>(`/api/takedowns/${id(takedownId)}`),
};

export const auditApi = {
  list: (page: PageQuery) =>
    api.get<{ total: number; records: AuditRecord[] }>(`/api/audit${query({ ...page })}`),
};

export const calendarApi = {
  list: (year: number) => api.get<CalendarDay[]>(`/api/calendar${query({ year })}`),
  save: (year: number, days: CalendarDay[]) => api.put<CalendarDay[]>(`/api/calendar/${year}`, days),
};

export const apiKeysApi = {
  list: () => api.get<ApiKeyInfo[]>('/api/api-keys'),
  create: (body: ApiKeyCreate) => api.post<ApiKeyWithSecret>('/api/api-keys', body),
  revoke: (keyId: string) => api.delete(`/api/api-keys/${id(keyId)}`),
};
