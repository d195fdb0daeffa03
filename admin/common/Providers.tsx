import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useState } from 'react';
import '../lib/time.js';

/** GETs retry once, writes never; no refetch on focus (pages reload what they show on open). */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** antd in Chinese, with App for message/notification/modal context, and the query cache. */
export function Providers({ children }: { children: ReactNode }) {
  // One cache per mounted app (and per test render), never shared between them.
  const [client] = useState(newQueryClient);
  return (
    <QueryClientProvider client={client}>
      {/* autoInsertSpace off: keep "登录", not "登 录", so labels read (and match in tests) as written. */}
      <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
        <App>{children}</App>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
