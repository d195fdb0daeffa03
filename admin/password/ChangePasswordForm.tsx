import { Button, Form, Input } from 'antd';
import { Password, type SessionInfo } from '../../core/protocol/rest.js';
import { FormError, useFormSubmit } from '../common/useFormSubmit.js';
import { auth } from '../lib/auth.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password + new one twice; the new one follows the server's rule (core Password). */
export function ChangePasswordForm({ onChanged }: { onChanged: (session: SessionInfo) => void }) {
  const [form] = Form.useForm<Values>();
  const { busy, error, submit: run } = useFormSubmit();

  const submit = async ({ currentPassword, newPassword }: Values) => {
    await run(async () => {
      const session = await auth.changePassword({ currentPassword, newPassword });
      form.resetFields();
      onChanged(session);
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy} style={{ maxWidth: 400 }}>
      <FormError error={error} testId="password-error" />
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra="至少 10 位，建议使用字母、数字和符号的组合"
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: async (_, value: string | undefined) => {
              const result = Password.safeParse(value ?? '');
              if (!result.success) throw new Error(result.error.issues[0]?.message ?? '密码不符合要求');
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
        修改密码
      </Button>
    </Form>
  );
}
