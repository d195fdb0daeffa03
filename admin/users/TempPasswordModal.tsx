import { Typography } from 'antd';
import type { UserWithPassword } from '../../core/protocol/rest.js';
import { SecretOnceModal } from '../common/SecretOnceModal.js';

interface Props {
  result: UserWithPassword;
  /** 'created' after a new user, 'reset' after a password reset. */
  reason: 'created' | 'reset';
  onClose: () => void;
}

/** Shows a one-time temporary password; the server never returns it again. */
export function TempPasswordModal({ result, reason, onClose }: Props) {
  const { user, temporaryPassword } = result;
  return (
    <SecretOnceModal
      title={reason === 'created' ? '用户已创建' : '密码已重置'}
      intro={
        <Typography.Paragraph>
          用户 <Typography.Text strong>{user.displayName}</Typography.Text>（{user.username}）的临时密码：
        </Typography.Paragraph>
      }
      secret={temporaryPassword}
      secretStyle={{ fontSize: 20 }}
      copied="已复制临时密码"
      copyFailed="无法自动复制，请手动选中密码复制"
      doneText="我已记下"
      warning={{
        title: '临时密码只显示这一次',
        description: '请通过安全渠道交给本人。用户首次登录时必须修改密码。',
      }}
      testId="temp-password"
      onClose={onClose}
    />
  );
}
