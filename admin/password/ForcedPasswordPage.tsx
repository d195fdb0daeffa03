import { Alert, Button, Card, Flex, Typography } from 'antd';
import type { SessionInfo } from '../../core/protocol/rest.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

interface Props {
  session: SessionInfo;
  onChanged: (session: SessionInfo) => void;
  onLogout: () => void;
}

/** The only page a user with a temporary password sees until it is changed. */
export function ForcedPasswordPage({ session, onChanged, onLogout }: Props) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: 460 }}>
        <Typography.Title level={4}>修改密码</Typography.Title>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${session.user.displayName}，您正在使用临时密码`}
          description="首次登录或密码被重置后，须先设置新密码才能继续使用系统。"
        />
        <ChangePasswordForm onChanged={onChanged} />
        <Button type="link" onClick={onLogout} style={{ paddingInline: 0, marginTop: 8 }}>
          退出登录
        </Button>
      </Card>
    </Flex>
  );
}
