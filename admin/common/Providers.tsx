import type { ReactNode } from 'react';
import { AntdProviders } from './AntdProviders.js';
import { QueryProvider } from './QueryProvider.js';

export { newQueryClient } from './QueryProvider.js';

/** antd in Chinese and a query cache of its own: what a signed-in page renders in (tests too). */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <AntdProviders>
      <QueryProvider>{children}</QueryProvider>
    </AntdProviders>
  );
}
