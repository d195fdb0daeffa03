import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import '../lib/time.js';

/** antd in Chinese, with App for message/notification/modal context. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    // autoInsertSpace off: keep "登录", not "登 录", so labels read (and match in tests) as written.
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
