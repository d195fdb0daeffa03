import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

/** GETs retry once, writes never; no refetch on focus (pages reload what they show on open). */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/**
 * The query cache of one signed-in session: made when the signed-in frame mounts and dropped
 * with it at sign-out, so what one user could read is never kept for the next. Loaded with that
 * frame, not with the login page.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(newQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
