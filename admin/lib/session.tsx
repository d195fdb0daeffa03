import { createContext, useContext } from 'react';
import type { Action, SessionInfo } from '../../core/protocol/rest.js';
import { can } from '../../core/protocol/rest.js';

export interface SessionContextValue {
  session: SessionInfo;
  /** Replaces the session (after a password change). */
  setSession: (session: SessionInfo) => void;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in session; only used below the layout, where there always is one. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}

/** Whether the signed-in user's role may perform an action (the server enforces it too). */
export function useCan(action: Action): boolean {
  return can(useSession().session.user.role, action);
}
