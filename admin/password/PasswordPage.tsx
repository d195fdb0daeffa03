import { App } from 'antd';
import type { SessionInfo } from '../../core/protocol/rest.js';
import { Page } from '../common/Page.js';
import { useSession } from '../lib/session.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

/** Voluntary password change, reached from the header. */
export function PasswordPage() {
  const { setSession } = useSession();
  const { message } = App.useApp();
  const changed = (session: SessionInfo) => {
    setSession(session);
    void message.success('密码已修改');
  };
  return (
    <Page title="修改密码">
      <ChangePasswordForm onChanged={changed} />
    </Page>
  );
}
