import { z } from 'zod';
import { GroupDefaultPlaylist } from '../programs.js';
import { Group, GroupInput, Hall, HallInput } from '../rest.js';
import { NoContent, route } from '../route.js';

/** Service halls. */
export const halls = {
  list: route({
    method: 'get',
    path: '/api/halls',
    access: 'view',
    summary: '大厅列表',
    response: z.array(Hall),
  }),
  create: route({
    method: 'post',
    path: '/api/halls',
    access: 'manage-system',
    summary: '新建大厅',
    body: HallInput,
    response: Hall,
    status: 201,
  }),
  update: route({
    method: 'put',
    path: '/api/halls/:id',
    access: 'manage-system',
    summary: '修改大厅',
    body: HallInput,
    response: Hall,
  }),
  remove: route({
    method: 'delete',
    path: '/api/halls/:id',
    access: 'manage-system',
    summary: '删除大厅（其下无屏幕与分组时）',
    response: NoContent,
  }),
};

/** Screen groups and each group's default playlist. */
export const groups = {
  list: route({
    method: 'get',
    path: '/api/groups',
    access: 'view',
    summary: '屏幕分组列表',
    response: z.array(Group),
  }),
  create: route({
    method: 'post',
    path: '/api/groups',
    access: 'manage-system',
    summary: '新建分组',
    body: GroupInput,
    response: Group,
    status: 201,
  }),
  update: route({
    method: 'put',
    path: '/api/groups/:id',
    access: 'manage-system',
    summary: '修改分组',
    body: GroupInput,
    response: Group,
  }),
  remove: route({
    method: 'delete',
    path: '/api/groups/:id',
    access: 'manage-system',
    summary: '删除分组',
    response: NoContent,
  }),
  setDefaultPlaylist: route({
    method: 'put',
    path: '/api/groups/:id/default-playlist',
    access: 'manage-programs',
    summary: '设置分组的默认节目单',
    body: GroupDefaultPlaylist,
    response: Group,
  }),
};
