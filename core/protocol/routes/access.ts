import { z } from 'zod';
import {
  ChangePasswordRequest,
  LoginRequest,
  SessionInfo,
  User,
  UserCreate,
  UserName,
  UserRoleChange,
  UserUpdate,
  UserWithPassword,
} from '../rest.js';
import { NoContent, route } from '../route.js';

/** Login, logout, the current session and changing one's password. */
export const auth = {
  login: route({
    method: 'post',
    path: '/api/auth/login',
    access: 'public',
    summary: '登录（设置会话 Cookie）',
    body: LoginRequest,
    response: SessionInfo,
  }),
  logout: route({
    method: 'post',
    path: '/api/auth/logout',
    access: 'session',
    summary: '退出登录',
    response: NoContent,
  }),
  session: route({
    method: 'get',
    path: '/api/auth/session',
    access: 'session',
    summary: '当前会话',
    response: SessionInfo,
  }),
  changePassword: route({
    method: 'post',
    path: '/api/auth/password',
    access: 'session',
    summary: '修改本人密码',
    body: ChangePasswordRequest,
    response: SessionInfo,
  }),
};

/** User accounts. */
export const users = {
  list: route({
    method: 'get',
    path: '/api/users',
    access: 'see-users',
    summary: '用户列表（系统管理员与安全管理员）',
    response: z.array(User),
  }),
  names: route({
    method: 'get',
    path: '/api/users/names',
    access: 'view',
    summary: '用户显示名（各角色可见：谁导入、提交、审核）',
    response: z.array(UserName),
  }),
  create: route({
    method: 'post',
    path: '/api/users',
    access: 'manage-system',
    summary: '新建用户（返回一次性临时密码）',
    body: UserCreate,
    response: UserWithPassword,
    status: 201,
  }),
  update: route({
    method: 'patch',
    path: '/api/users/:id',
    access: 'manage-system',
    summary: '修改账号（显示名、停用或启用；不能停用自己或唯一的某类管理员）',
    body: UserUpdate,
    response: User,
  }),
  setRole: route({
    method: 'put',
    path: '/api/users/:id/role',
    access: 'manage-security',
    summary: '分配角色（安全管理员；不能修改自己的角色）',
    body: UserRoleChange,
    response: User,
  }),
  resetPassword: route({
    method: 'post',
    path: '/api/users/:id/reset-password',
    access: 'manage-security',
    summary: '重置密码（安全管理员；返回一次性临时密码；不能重置自己的）',
    response: UserWithPassword,
  }),
  unlock: route({
    method: 'post',
    path: '/api/users/:id/unlock',
    access: 'manage-security',
    summary: '提前解除登录锁定（锁定到期也会自行解除）',
    response: User,
  }),
};
