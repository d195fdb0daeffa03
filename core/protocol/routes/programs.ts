import { z } from 'zod';
import { Item } from '../../manifest/types.js';
import {
  Campaign,
  CampaignInput,
  Emergency,
  EmergencyInput,
  EmergencyList,
  ItemInfo,
  ItemInput,
  MediaInfo,
  MediaLibrary,
  MediaUploaded,
  PlaylistInfo,
  PlaylistInput,
  Preview,
  PreviewQuery,
  ProgramEdit,
  RejectInput,
  ReviewComment,
} from '../programs.js';
import { NoContent, route } from '../route.js';

/** Content items of the program library. */
export const items = {
  list: route({
    method: 'get',
    path: '/api/items',
    access: 'view',
    summary: '节目内容列表',
    response: z.array(ItemInfo),
  }),
  create: route({
    method: 'post',
    path: '/api/items',
    access: 'manage-programs',
    summary: '新建节目内容',
    body: ItemInput,
    response: Item,
    status: 201,
  }),
  update: route({
    method: 'put',
    path: '/api/items/:id',
    access: 'manage-programs',
    summary: '修改节目内容（已批准的活动转回审核）',
    body: ItemInput,
    response: ProgramEdit(Item),
  }),
  remove: route({
    method: 'delete',
    path: '/api/items/:id',
    access: 'manage-programs',
    summary: '删除节目内容（未被节目单使用时）',
    response: NoContent,
  }),
};

/** Playlists of the program library. */
export const playlists = {
  list: route({
    method: 'get',
    path: '/api/playlists',
    access: 'view',
    summary: '节目单列表',
    response: z.array(PlaylistInfo),
  }),
  get: route({
    method: 'get',
    path: '/api/playlists/:id',
    access: 'view',
    summary: '节目单',
    response: PlaylistInfo,
  }),
  create: route({
    method: 'post',
    path: '/api/playlists',
    access: 'manage-programs',
    summary: '新建节目单',
    body: PlaylistInput,
    response: PlaylistInfo,
    status: 201,
  }),
  update: route({
    method: 'put',
    path: '/api/playlists/:id',
    access: 'manage-programs',
    summary: '修改节目单（已批准的活动转回审核）',
    body: PlaylistInput,
    response: ProgramEdit(PlaylistInfo),
  }),
  remove: route({
    method: 'delete',
    path: '/api/playlists/:id',
    access: 'manage-programs',
    summary: '删除节目单（未被分组或活动使用时）',
    response: NoContent,
  }),
};

/** The media library; an upload is the raw file as the request body. */
export const media = {
  list: route({
    method: 'get',
    path: '/api/media',
    access: 'view',
    summary: '媒体库',
    response: MediaLibrary,
  }),
  get: route({
    method: 'get',
    path: '/api/media/:hash',
    access: 'view',
    summary: '媒体文件信息',
    response: MediaInfo,
  }),
  upload: route({
    method: 'post',
    path: '/api/media',
    access: 'manage-programs',
    summary: '上传媒体文件（请求体即文件，文件名在 x-file-name 或 ?name=）',
    query: z.object({ name: z.string().max(1000).optional() }),
    response: MediaUploaded,
    status: 201,
  }),
  remove: route({
    method: 'delete',
    path: '/api/media/:hash',
    access: 'manage-programs',
    summary: '删除媒体文件（未被节目内容使用时）',
    response: NoContent,
  }),
};

const campaignStep = <P extends string>(path: P, access: 'manage-programs' | 'review', summary: string) =>
  ({ method: 'post', path, access, summary, response: Campaign }) as const;

/** Campaigns and their review. */
export const campaigns = {
  list: route({
    method: 'get',
    path: '/api/campaigns',
    access: 'view',
    summary: '宣传活动列表',
    response: z.array(Campaign),
  }),
  get: route({
    method: 'get',
    path: '/api/campaigns/:id',
    access: 'view',
    summary: '宣传活动',
    response: Campaign,
  }),
  create: route({
    method: 'post',
    path: '/api/campaigns',
    access: 'manage-programs',
    summary: '新建宣传活动（草稿）',
    body: CampaignInput,
    response: Campaign,
    status: 201,
  }),
  update: route({
    method: 'put',
    path: '/api/campaigns/:id',
    access: 'manage-programs',
    summary: '修改宣传活动',
    body: CampaignInput,
    response: Campaign,
  }),
  remove: route({
    method: 'delete',
    path: '/api/campaigns/:id',
    access: 'manage-programs',
    summary: '删除宣传活动',
    response: NoContent,
  }),
  submit: route(campaignStep('/api/campaigns/:id/submit', 'manage-programs', '提交审核')),
  approve: route({
    ...campaignStep('/api/campaigns/:id/approve', 'review', '批准（不能批准自己提交的）'),
    body: ReviewComment,
  }),
  reject: route({
    ...campaignStep('/api/campaigns/:id/reject', 'review', '退回并说明理由'),
    body: RejectInput,
  }),
  withdraw: route(campaignStep('/api/campaigns/:id/withdraw', 'manage-programs', '撤回到草稿')),
};

/** Emergency notices: list, raise and revert. */
export const emergencies = {
  list: route({
    method: 'get',
    path: '/api/emergencies',
    access: 'view',
    summary: '紧急通知',
    response: EmergencyList,
  }),
  create: route({
    method: 'post',
    path: '/api/emergencies',
    access: 'emergency',
    summary: '发布紧急通知（立即插播）',
    body: EmergencyInput,
    response: Emergency,
    status: 201,
  }),
  revert: route({
    method: 'post',
    path: '/api/emergencies/:id/revert',
    access: 'emergency',
    summary: '撤销紧急通知',
    response: Emergency,
  }),
};

/** The time-travel preview: what a screen shows at a given moment. */
export const preview = {
  get: route({
    method: 'get',
    path: '/api/preview/:screenId',
    access: 'view',
    summary: '某屏幕在某一时刻的播放内容',
    query: PreviewQuery,
    response: Preview,
  }),
};
