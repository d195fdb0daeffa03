import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ROLE_LABELS, type User } from '../../core/protocol/rest.js';
import { formatDateTime } from '../lib/time.js';

interface Options {
  selfId: string;
  onEdit: (user: User) => void;
  onToggle: (user: User) => Promise<void>;
  onReset: (user: User) => Promise<void>;
}

/** The users table's columns; you cannot disable your own account. */
export function userColumns({ selfId, onEdit, onToggle, onReset }: Options): ColumnsType<User> {
  return [
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
    {
      title: '操作',
      key: 'actions',
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(user)}>
            编辑
          </Button>
          {user.id !== selfId &&
            (user.disabled ? (
              <Button type="link" size="small" onClick={() => void onToggle(user)} data-testid="user-enable">
                启用
              </Button>
            ) : (
              <Popconfirm
                title={`停用「${user.displayName}」？`}
                description="停用后该用户无法再登录，可随时重新启用"
                okText="停用"
                okButtonProps={{ danger: true }}
                onConfirm={() => onToggle(user)}
              >
                <Button type="link" size="small" danger data-testid="user-disable">
                  停用
                </Button>
              </Popconfirm>
            ))}
          <Popconfirm
            title={`重置「${user.displayName}」的密码？`}
            description="将生成新的临时密码，旧密码立即失效"
            okText="重置"
            onConfirm={() => onReset(user)}
          >
            <Button type="link" size="small" data-testid="user-reset-password">
              重置密码
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
}
