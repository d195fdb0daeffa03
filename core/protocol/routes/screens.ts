import { z } from 'zod';
import { Manifest } from '../../manifest/types.js';
import { BootReport, BootReportRecord, CommandRequest, CommandResult, ScreenStatus } from '../events.js';
import { LimitQuery, MirrorData } from '../operations.js';
import {
  PairPoll,
  PairPollResult,
  PairRegister,
  PairRegistered,
  ScreenClaim,
  ScreenUpdate,
} from '../rest.js';
import { NoContent, raw, route } from '../route.js';

/** Screens for the admin: list, claim, update, revoke, the mirror and remote commands. */
export const screens = {
  list: route({
    method: 'get',
    path: '/api/screens',
    access: 'view',
    summary: '屏幕列表与状态',
    response: z.array(ScreenStatus),
  }),
  claim: route({
    method: 'post',
    path: '/api/screens/claim',
    access: 'operate-screens',
    summary: '以配对码认领新屏幕',
    body: ScreenClaim,
    response: ScreenStatus,
    status: 201,
  }),
  update: route({
    method: 'patch',
    path: '/api/screens/:id',
    access: 'operate-screens',
    summary: '修改屏幕（名称、大厅、分组、布局）',
    body: ScreenUpdate,
    response: ScreenStatus,
  }),
  revoke: route({
    method: 'post',
    path: '/api/screens/:id/revoke',
    access: 'operate-screens',
    summary: '吊销屏幕（立即断开，需重新配对）',
    response: ScreenStatus,
  }),
  mirror: route({
    method: 'get',
    path: '/api/screens/:id/mirror',
    access: 'view',
    summary: '屏幕当前持有的节目与名单（镜像）',
    response: MirrorData,
  }),
  commands: route({
    method: 'get',
    path: '/api/screens/:id/commands',
    access: 'view',
    summary: '最近的远程指令',
    query: LimitQuery,
    response: z.array(CommandResult),
  }),
  command: route({
    method: 'post',
    path: '/api/screens/:id/commands',
    access: 'operate-screens',
    summary: '发送远程指令并等待屏幕应答',
    body: CommandRequest,
    response: CommandResult,
  }),
  snapshot: route({
    method: 'get',
    path: '/api/screens/:id/snapshot',
    access: 'view',
    summary: '屏幕的最近截屏（X-Snapshot-At 为截屏时间）',
    response: raw('image/*'),
  }),
};

/** Pairing of a new player: register for a code, then poll until an admin claims it. */
export const pairing = {
  register: route({
    method: 'post',
    path: '/api/pair/register',
    access: 'public',
    summary: '新屏幕申请配对码',
    body: PairRegister,
    response: PairRegistered,
  }),
  poll: route({
    method: 'post',
    path: '/api/pair/poll',
    access: 'public',
    summary: '新屏幕查询是否已被认领（认领后一次性取得令牌）',
    body: PairPoll,
    response: PairPollResult,
  }),
};

/** A snapshot as stored: which screen, its image type, size and time. */
export const SnapshotMeta = z.object({
  screenId: z.string(),
  mime: z.string(),
  bytes: z.number(),
  at: z.number(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

/** What a paired player fetches and sends with its device token. */
export const player = {
  manifest: route({
    method: 'get',
    path: '/api/player/manifest',
    access: 'player',
    summary: '本屏幕的节目清单',
    response: Manifest,
  }),
  dataset: route({
    method: 'get',
    path: '/datasets/:hash',
    access: 'player',
    summary: '名单数据集（按内容哈希，永久缓存）',
    response: raw('application/json'),
  }),
  uploadSnapshot: route({
    method: 'post',
    path: '/api/player/snapshot',
    access: 'player',
    summary: '上传截屏（请求体即图像）',
    response: SnapshotMeta.extend({ url: z.string() }),
    status: 201,
  }),
  snapshot: route({
    method: 'get',
    path: '/api/player/snapshot',
    access: 'player',
    summary: '本屏幕最近截屏的信息',
    response: z.object({ snapshot: SnapshotMeta.nullable() }),
  }),
};

/**
 * What the player page's boot script reports from a box that cannot run the player: an engine
 * below the floor, or an app that did not start. Public (such a box can never pair), with its
 * own size and rate limits.
 */
export const bootReports = {
  submit: route({
    method: 'post',
    path: '/api/player/boot-reports',
    access: 'public',
    summary: '播放页启动守护报告（内核版本过低或未能启动；无需令牌）',
    body: BootReport,
    response: NoContent,
  }),
  list: route({
    method: 'get',
    path: '/api/player/boot-reports',
    access: 'view',
    summary: '最近的播放页启动失败报告',
    query: LimitQuery,
    response: z.array(BootReportRecord),
  }),
};
