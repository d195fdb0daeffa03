import { Form, Input, Select } from 'antd';
import { ROLE_LABELS, Role, type User, Username } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { type FormSpec, saved } from '../common/resource/types.js';
import { call } from '../lib/client.js';
import { TempPasswordModal } from './TempPasswordModal.js';

interface Values {
  username: string;
  displayName: string;
  role: Role;
}

const ROLE_OPTIONS = Role.options.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/**
 * The system administrator creates a user (the temporary password is shown once) or changes a
 * user's 显示名; the security administrator assigns the 角色 (the server refuses one's own).
 */
export const userForm = (editor: Role): FormSpec<User, Values> => ({
  title: (user) =>
    user ? (editor === 'secadmin' ? `分配角色：${user.username}` : `编辑用户：${user.username}`) : '新建用户',
  initialValues: (user) =>
    user ? { username: user.username, displayName: user.displayName, role: user.role } : {},
  fields: ['username', 'displayName', 'role'],
  submitTestId: 'user-submit',
  submitText: (user) => (user ? '保存' : '创建'),
  items: (user) => <UserFields editing={Boolean(user)} editor={editor} />,
  save: async ({ username, displayName, role }, user) => {
    if (user) {
      const params = { id: user.id };
      if (editor === 'secadmin') return saved(await call(routes.users.setRole, { params, body: { role } }));
      return saved(await call(routes.users.update, { params, body: { displayName: displayName.trim() } }));
    }
    const result = await call(routes.users.create, {
      body: { username: username.trim(), displayName: displayName.trim(), role },
    });
    return {
      saved: result.user,
      reveal: (close) => <TempPasswordModal result={result} reason="created" onClose={close} />,
    };
  },
});

function UserFields({ editing, editor }: { editing: boolean; editor: Role }) {
  // Editing, the system administrator changes the name only and the security administrator the role only.
  const roleOnly = editing && editor === 'secadmin';
  const nameOnly = editing && editor !== 'secadmin';
  return (
    <>
      <Form.Item
        label="用户名"
        name="username"
        extra={editing ? '用户名创建后不能修改' : '用于登录，2-32 位小写字母、数字、点、下划线或连字符'}
        rules={[
          { required: true, message: '请输入用户名' },
          {
            validator: async (_, value: string | undefined) => {
              const result = Username.safeParse(value ?? '');
              if (value && !editing && !result.success) throw new Error(result.error.issues[0]?.message);
            },
          },
        ]}
      >
        <Input disabled={editing} autoComplete="off" data-testid="user-username-input" />
      </Form.Item>
      <Form.Item
        label="显示名"
        name="displayName"
        rules={[{ required: true, whitespace: true, message: '请输入显示名（通常为姓名）' }]}
      >
        <Input maxLength={64} disabled={roleOnly} data-testid="user-display-name-input" />
      </Form.Item>
      <Form.Item
        label="角色"
        name="role"
        rules={[{ required: true, message: '请选择角色' }]}
        extra={nameOnly ? '角色由安全管理员分配' : undefined}
      >
        <Select
          options={ROLE_OPTIONS}
          placeholder="选择角色"
          disabled={nameOnly}
          data-testid="user-role-select"
        />
      </Form.Item>
    </>
  );
}
