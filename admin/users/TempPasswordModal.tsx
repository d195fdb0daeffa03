import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import type { UserWithPassword } from '../../core/protocol/rest.js';
import { copyText } from '../lib/clipboard.js';

interface Props {
  result: UserWithPassword;
  /** 'created' after a new user, 'reset' after a password reset. */
  reason: 'created' | 'reset';
  onClose: () => void;
}

/** Shows a one-time temporary password; the server never returns it again. */
export function TempPasswordModal({ result, reason, onClose }: Props) {
  const { message } = App.useApp();
  const { user, temporaryPassword } = result;
  const copy = async () => {
    const ok = await copyText(temporaryPassword);
    if (ok) void message.success('已复制临时密码');
    else void message.warning('无法自动复制，请手动选中密码复制');
  };

  return (
    <Modal
      title={reason === 'created' ? '用户已创建' : '密码已重置'}
      open
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="temp-password-done">
          我已记下
        </Button>
      }
    >
      <Typography.Paragraph>
        用户 <Typography.Text strong>{user.displayName}</Typography.Text>（{user.username}）的临时密码：
      </Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text code copyable={false} style={{ fontSize: 20 }} data-testid="temp-password">
          {temporaryPassword}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="temp-password-copy">
          复制
        </Button>
      </Flex>
      <Alert
        type="warning"
        showIcon
        title="临时密码只显示这一次"
        description="请通过安全渠道交给本人。用户首次登录时必须修改密码。"
      />
    </Modal>
  );
}
