import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';

/** antd in Chinese, with App for message/notification/modal context: all the login page needs. */
export function AntdProviders({ children }: { children: ReactNode }) {
  return (
    // autoInsertSpace off: keep "登录", not "登 录", so labels read (and match in tests) as written.
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
