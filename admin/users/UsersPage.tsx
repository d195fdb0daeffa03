import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import type { User, UserWithPassword } from '../../core/protocol/rest.js';
import { Page } from '../common/Page.js';
import { upsertById } from '../lib/collections.js';
import { usersApi } from '../lib/endpoints.js';
import { useNotifyError } from '../lib/notify.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/useResource.js';
import { TempPasswordModal } from './TempPasswordModal.js';
import { UserFormModal } from './UserFormModal.js';
import { userColumns } from './userColumns.js';

type Shown = { result: UserWithPassword; reason: 'created' | 'reset' };

/** Admin users: create (one-time password), edit, disable/enable, reset password. */
export function UsersPage() {
  const users = useResource(usersApi.list);
  const { session } = useSession();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [password, setPassword] = useState<Shown | null>(null);
  const upsert = (user: User) => users.setData((list) => upsertById(list, user));

  const toggle = async (user: User) => {
    try {
      upsert(await usersApi.update(user.id, { disabled: !user.disabled }));
      void message.success(user.disabled ? `已启用「${user.displayName}」` : `已停用「${user.displayName}」`);
    } catch (err) {
      notifyError(err, user.disabled ? '启用失败' : '停用失败');
    }
  };
  const reset = async (user: User) => {
    try {
      const result = await usersApi.resetPassword(user.id);
      upsert(result.user);
      setPassword({ result, reason: 'reset' });
    } catch (err) {
      notifyError(err, '重置密码失败');
    }
  };

  const columns = userColumns({
    selfId: session.user.id,
    onEdit: setEditing,
    onToggle: toggle,
    onReset: reset,
  });
  const extra = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setEditing('new')}
      data-testid="user-create"
    >
      新建用户
    </Button>
  );

  return (
    <Page title="用户" extra={extra} error={users.error} onRetry={users.reload}>
      <Table<User>
        rowKey="id"
        loading={users.loading && !users.data}
        dataSource={users.data ?? []}
        columns={columns}
        pagination={{ hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有用户" /> }}
        onRow={(user) =>
          ({ 'data-testid': 'user-row', 'data-user-id': user.id }) as HTMLAttributes<HTMLElement>
        }
      />
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(result) => {
            upsert(result.user);
            setEditing(null);
            setPassword({ result, reason: 'created' });
          }}
          onUpdated={(user) => {
            upsert(user);
            setEditing(null);
            void message.success('已保存');
          }}
        />
      )}
      {password && <TempPasswordModal {...password} onClose={() => setPassword(null)} />}
    </Page>
  );
}
