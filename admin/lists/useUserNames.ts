import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { userNamesQuery } from '../lib/queries.js';
import { useSession } from '../lib/session.js';

/**
 * Names for the user ids a batch or takedown carries (createdBy, submittedBy, …), from the
 * display-name list every role may read.
 */
export function useUserNames(): (userId: string | null) => string {
  const { session } = useSession();
  const { data: list } = useQuery(userNamesQuery);
  return useCallback(
    (userId: string | null) => {
      if (!userId) return '—';
      if (userId === session.user.id) return `${session.user.displayName}（我）`;
      const user = list?.find((u) => u.id === userId);
      return user ? user.displayName : `用户 ${userId.slice(0, 8)}`;
    },
    [session.user.id, session.user.displayName, list],
  );
}
