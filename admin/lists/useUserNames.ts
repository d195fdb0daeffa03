import { useCallback } from 'react';
import type { User } from '../../core/protocol/rest.js';
import { usersApi } from '../lib/endpoints.js';
import { useCan, useSession } from '../lib/session.js';
import { useResource } from '../lib/useResource.js';

const none = async (): Promise<User[]> => [];

/**
 * Names for the user ids a batch or takedown carries (createdBy, submittedBy, …). The contract
 * gives ids only; the user list is readable by system admins, others see their own name or the id.
 */
export function useUserNames(): (userId: string | null) => string {
  const { session } = useSession();
  const users = useResource(useCan('manage-system') ? usersApi.list : none);
  const list = users.data;
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
