import { z } from 'zod';
import { Alert, ChangeProgress } from '../events.js';
import {
  AlertsQuery,
  ChangeDetail,
  Dashboard,
  DaysQuery,
  LimitQuery,
  ListDisplayProof,
  PlaysPerDay,
  ProofOfPlay,
  ProofOfPlayQuery,
  UptimeByHall,
} from '../operations.js';
import { Health } from '../rest.js';
import { raw, route } from '../route.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Liveness for load balancers and monitoring: 503 with db_unavailable when the database is not. */
export const health = {
  get: route({
    method: 'get',
    path: '/api/health',
    access: 'public',
    summary: '服务健康状态',
    response: Health,
  }),
};

/** Prometheus metrics for the city's monitoring: a Bearer token (HALLCAST_METRICS_TOKEN) or an allowed address. */
export const metrics = {
  get: route({
    method: 'get',
    path: '/metrics',
    access: 'public',
    credential: 'token',
    summary: '运行指标（Prometheus 文本格式）：须带令牌或来自允许的地址',
    response: raw('text/plain'),
  }),
};

/**
 * This API's own OpenAPI document, written from the route table (core/protocol/openapi.ts), and
 * the reference page that reads it (no data of its own: the page and its script are public, the
 * document needs a session).
 */
export const openapi = {
  get: route({
    method: 'get',
    path: '/api/openapi.json',
    access: 'view',
    summary: '接口文档（OpenAPI 3.1，由路由表生成）',
    response: raw('application/json'),
  }),
  reference: route({
    method: 'get',
    path: '/api/docs',
    access: 'public',
    summary: '接口参考页面（读取 /api/openapi.json，需登录）',
    response: raw('text/html'),
  }),
  referenceScript: route({
    method: 'get',
    path: '/api/docs/:file',
    access: 'public',
    summary: '接口参考页面的脚本（随服务器安装，不依赖外网）',
    response: raw('text/javascript'),
  }),
};

/** The operations dashboard: every screen's state at a glance. */
export const dashboard = {
  get: route({
    method: 'get',
    path: '/api/dashboard',
    access: 'view',
    summary: '运维总览',
    response: Dashboard,
  }),
};

/** Changes and their convergence across the screens. */
export const changes = {
  list: route({
    method: 'get',
    path: '/api/changes',
    access: 'view',
    summary: '最近的变更及生效进度',
    query: LimitQuery,
    response: z.array(ChangeProgress),
  }),
  get: route({
    method: 'get',
    path: '/api/changes/:id',
    access: 'view',
    summary: '变更详情（逐屏）',
    response: ChangeDetail,
  }),
};

/** Alerts: list and acknowledge. */
export const alerts = {
  list: route({
    method: 'get',
    path: '/api/alerts',
    access: 'view',
    summary: '告警',
    query: AlertsQuery,
    response: z.array(Alert),
  }),
  acknowledge: route({
    method: 'post',
    path: '/api/alerts/:id/acknowledge',
    access: 'operate-screens',
    summary: '确认告警',
    response: Alert,
  }),
};

/** Reports: uptime and plays-per-day charts, proof of play and list display, with their xlsx exports. */
export const reports = {
  uptime: route({
    method: 'get',
    path: '/api/reports/uptime',
    access: 'view',
    summary: '各大厅开放时间内的在线率',
    query: DaysQuery,
    response: UptimeByHall,
  }),
  playsPerDay: route({
    method: 'get',
    path: '/api/reports/plays-per-day',
    access: 'view',
    summary: '各大厅每日播放次数',
    query: DaysQuery,
    response: PlaysPerDay,
  }),
  proofOfPlay: route({
    method: 'get',
    path: '/api/reports/proof-of-play',
    access: 'view',
    summary: '播放证明',
    query: ProofOfPlayQuery,
    response: ProofOfPlay,
  }),
  proofOfPlayExport: route({
    method: 'get',
    path: '/api/reports/proof-of-play/export',
    access: 'view',
    summary: '播放证明（xlsx）',
    query: ProofOfPlayQuery,
    response: raw(XLSX),
  }),
  listDisplay: route({
    method: 'get',
    path: '/api/reports/list-display/:batchId',
    access: 'view',
    summary: '名单展示证明',
    response: ListDisplayProof,
  }),
  listDisplayExport: route({
    method: 'get',
    path: '/api/reports/list-display/:batchId/export',
    access: 'view',
    summary: '名单展示证明（xlsx）',
    response: raw(XLSX),
  }),
};
