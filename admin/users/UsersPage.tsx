import { api as routes } from '../../core/protocol/routes/index.js';
import { ResourceTable } from '../common/resource/ResourceTable.js';
import { usersQuery } from '../lib/queries.js';
import { useSession } from '../lib/session.js';
import { userActions, userColumns } from './userColumns.js';
import { userForm } from './userForm.js';

// A display name shows wherever the names list (who uploaded, who reviewed) is read.
const invalidates = [[routes.users.names.path]];

/**
 * Users: the system administrator creates (one-time password), renames, disables and enables;
 * the security administrator assigns roles, resets passwords and lifts locks.
 */
export function UsersPage() {
  const { session } = useSession();
  const { role } = session.user;
  return (
    <ResourceTable
      variant="page"
      title="用户"
      query={usersQuery}
      invalidates={invalidates}
      columns={userColumns}
      create={role === 'sysadmin' ? { label: '新建用户', testId: 'user-create' } : undefined}
      form={userForm(role)}
      actions={userActions(session.user)}
      emptyText={() => '还没有用户'}
      row={{ testId: 'user-row', idAttribute: 'user-id' }}
    />
  );
}
