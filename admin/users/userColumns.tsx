import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ROLE_LABELS, type Role, type User } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { editAction, type RowAction } from '../common/resource/types.js';
import { call } from '../lib/client.js';
import { formatDateTime } from '../lib/time.js';
import { TempPasswordModal } from './TempPasswordModal.js';

/** The users table's columns. */
export const userColumns: ColumnsType<User> = [
  { title: '用户名', dataIndex: 'username' },
  { title: '显示名', dataIndex: 'displayName' },
  { title: '角色', dataIndex: 'role', render: (role: User['role']) => ROLE_LABELS[role] },
  {
    title: '状态',
    key: 'status',
    render: (_, user) => (
      <Space size={4}>
        {user.disabled ? <Tag>已停用</Tag> : <Tag color="success">启用</Tag>}
        {user.mustChangePassword && <Tag color="warning">待修改密码</Tag>}
      </Space>
    ),
  },
  {
    title: '最后登录',
    dataIndex: 'lastLoginAt',
    render: (at: number | null) =>
      at === null ? <Typography.Text type="secondary">从未登录</Typography.Text> : formatDateTime(at),
  },
];

const toggle = async (user: User) => ({
  saved: await call(routes.users.update, { params: { id: user.id }, body: { disabled: !user.disabled } }),
  message: user.disabled ? `已启用「${user.displayName}」` : `已停用「${user.displayName}」`,
});

/**
 * The system administrator's 编辑, 启用 and 停用; the security administrator's 分配角色, 重置密码
 * (the new one is shown once) and 解除锁定. Never on one's own account.
 */
export function userActions(self: { id: string; role: Role }): RowAction<User>[] {
  const selfId = self.id;
  if (self.role === 'secadmin') return securityActions(selfId);
  if (self.role !== 'sysadmin') return [];
  return [
    editAction(),
    {
      key: 'enable',
      label: '启用',
      testId: 'user-enable',
      when: (u) => u.id !== selfId && u.disabled,
      run: toggle,
      failTitle: '启用失败',
    },
    {
      key: 'disable',
      label: '停用',
      testId: 'user-disable',
      danger: true,
      when: (u) => u.id !== selfId && !u.disabled,
      confirm: {
        title: (u) => `停用「${u.displayName}」？`,
        description: '停用后该用户无法再登录，可随时重新启用',
        okText: '停用',
        danger: true,
      },
      run: toggle,
      failTitle: '停用失败',
      conflictTitle: '无法停用',
    },
  ];
}

function securityActions(selfId: string): RowAction<User>[] {
  return [
    { ...editAction<User>('user-set-role'), label: '分配角色', when: (u) => u.id !== selfId },
    {
      key: 'reset',
      when: (u) => u.id !== selfId,
      label: '重置密码',
      testId: 'user-reset-password',
      confirm: {
        title: (u) => `重置「${u.displayName}」的密码？`,
        description: '将生成新的临时密码，旧密码立即失效',
        okText: '重置',
      },
      run: async (u) => {
        const result = await call(routes.users.resetPassword, { params: { id: u.id } });
        return {
          saved: result.user,
          reveal: (close) => <TempPasswordModal result={result} reason="reset" onClose={close} />,
        };
      },
      failTitle: '重置密码失败',
    },
    {
      key: 'unlock',
      label: '解除锁定',
      testId: 'user-unlock',
      when: (u) => u.id !== selfId,
      run: async (u) => ({
        saved: await call(routes.users.unlock, { params: { id: u.id } }),
        message: `已解除「${u.displayName}」的登录锁定`,
      }),
      failTitle: '解除锁定失败',
    },
  ];
}
