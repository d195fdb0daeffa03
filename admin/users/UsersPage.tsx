import { ResourceTable } from '../common/resource/ResourceTable.js';
import { usersQuery } from '../lib/queries.js';
import { useSession } from '../lib/session.js';
import { userActions, userColumns } from './userColumns.js';
import { userForm } from './userForm.js';

/** Admin users: create (one-time password), edit, disable/enable, reset password. */
export function UsersPage() {
  const { session } = useSession();
  return (
    <ResourceTable
      variant="page"
      title="用户"
      query={usersQuery}
      columns={userColumns}
      create={{ label: '新建用户', testId: 'user-create' }}
      form={userForm}
      actions={userActions(session.user.id)}
      emptyText={() => '还没有用户'}
      row={{ testId: 'user-row', idAttribute: 'user-id' }}
    />
  );
}
