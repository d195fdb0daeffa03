import type { Alert, ChangeProgress, CommandKind, CommandResult } from '../../core/protocol/events.js';
import type {
  ChangeDetail,
  Dashboard,
  ListDisplayProof,
  MirrorData,
  PlayGrouping,
  PlaysPerDay,
  ProofOfPlay,
  UptimeByHall,
} from '../../core/protocol/operations.js';
import { api } from '../lib/api.js';

const id = (value: string) => encodeURIComponent(value);

/** The operations routes (docs/API.md "Operations"). */
export const operationsApi = {
  dashboard: () => api.get<Dashboard>('/api/dashboard'),
  changes: (limit = 30) => api.get<ChangeProgress[]>(`/api/changes?limit=${limit}`),
  change: (changeId: string) => api.get<ChangeDetail>(`/api/changes/${id(changeId)}`),
  alerts: (status: 'open' | 'all' = 'open') => api.get<Alert[]>(`/api/alerts?status=${status}`),
  acknowledge: (alertId: string) => api.post<Alert>(`/api/alerts/${id(alertId)}/acknowledge`),
  mirror: (screenId: string) => api.get<MirrorData>(`/api/screens/${id(screenId)}/mirror`),
  commands: (screenId: string) => api.get<CommandResult[]>(`/api/screens/${id(screenId)}/commands?limit=20`),
  command: (screenId: string, kind: CommandKind, args?: Record<string, unknown>) =>
    api.post<CommandResult>(`/api/screens/${id(screenId)}/commands`, args ? { kind, args } : { kind }),
};

export interface PlayQuery {
  by: PlayGrouping;
  from: string;
  to: string;
  hallId?: string;
  screenId?: string;
  campaignId?: string;
}
const query = (q: PlayQuery) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export const reportsApi = {
  uptime: (days = 7) => api.get<UptimeByHall>(`/api/reports/uptime?days=${days}`),
  playsPerDay: (days = 7) => api.get<PlaysPerDay>(`/api/reports/plays-per-day?days=${days}`),
  proofOfPlay: (q: PlayQuery) => api.get<ProofOfPlay>(`/api/reports/proof-of-play?${query(q)}`),
  proofOfPlayXlsx: (q: PlayQuery) => `/api/reports/proof-of-play/export?${query(q)}`,
  listDisplay: (batchId: string) => api.get<ListDisplayProof>(`/api/reports/list-display/${id(batchId)}`),
  listDisplayXlsx: (batchId: string) => `/api/reports/list-display/${id(batchId)}/export`,
};
