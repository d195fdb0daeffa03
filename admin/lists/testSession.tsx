import type { ReactNode } from 'react';
import type { Role, SessionInfo } from '../../core/protocol/rest.js';
import { Providers } from '../common/Providers.js';
import { SessionContext } from '../lib/session.js';

/** A signed-in session of the given role for component tests. */
export function testSession(role: Role, id = `user-${role}`): SessionInfo {
  return {
    user: { id, username: role, displayName: `测试${role}`, role, mustChangePassword: false },
    csrfToken: 'csrf-test',
  };
}

/** Providers plus a session, as AppLayout gives every page. */
export function WithSession({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return (
    <Providers>
      <SessionContext.Provider value={{ session, setSession: () => {}, logout: async () => {} }}>
        {children}
      </SessionContext.Provider>
    </Providers>
  );
}
