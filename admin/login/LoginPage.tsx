import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { LoginRequest, SessionInfo } from '../../core/protocol/rest.js';
import { type ApiError, toApiError } from '../lib/api.js';
import { auth } from '../lib/auth.js';

/** What the user is told after signing in: the sign-in before this one, and the failures since. */
/** Too many attempts: say how long to wait, from Retry-After, in whole minutes. */
export function loginErrorText(err: ApiError): string {
  if (err.status === 429 && err.retryAfterS !== null) {
    return `尝试次数过多，请 ${Math.max(1, Math.ceil(err.retryAfterS / 60))} 分钟后再试`;
  }
  return err.message;
}

export function LoginPage({ onLoggedIn }: { onLoggedIn: (session: SessionInfo) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginRequest) => {
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await auth.login(values));
    } catch (err) {
      setError(loginErrorText(toApiError(err)));
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          HallCast 管理后台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          政务服务大厅信用信息与宣传发布
        </Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginRequest> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
