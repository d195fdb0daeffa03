import { App, Button, Flex, Result, Spin } from 'antd';
import { type ComponentType, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionInfo } from '../core/protocol/rest.js';
import { trackActivity } from './lib/activity.js';
import { type ApiError, api, toApiError } from './lib/api.js';
import { auth } from './lib/auth.js';
import { SessionContext, type SessionContextValue } from './lib/session.js';
import { LoginPage } from './login/LoginPage.js';

// The first load is the login page: the signed-in app (layout, menu, each page, and the query
// cache of the session, made on sign-in and dropped on sign-out) comes in its own chunks.
const withQueries = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(async () => {
    const [Page, { QueryProvider }] = await Promise.all([load(), import('./common/QueryProvider.js')]);
    return {
      default: (props: P) => (
        <QueryProvider>
          <Page {...props} />
        </QueryProvider>
      ),
    };
  });
const AppLayout = withQueries(() => import('./layout/AppLayout.js').then((m) => m.AppLayout));
const ForcedPasswordPage = withQueries(() =>
  import('./password/ForcedPasswordPage.js').then((m) => m.ForcedPasswordPage),
);

/** The live connection (socket.io) is the signed-in app's: loaded with it, never by the login page. */
const liveSocket = () => import('./lib/socket.js');
const disconnect = () => void liveSocket().then((m) => m.disconnectAdminSocket());

/** The whole window waiting: the session check, or the signed-in app's first chunk. */
function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

type Boot = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready' };

/** Finds out whether there is a session, then shows login, the forced password change, or the app. */
export function AdminApp() {
  const { message } = App.useApp();
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [session, setSession] = useState<SessionInfo | null>(null);
  const hadSession = useRef(false);
  useEffect(() => {
    hadSession.current = session !== null;
  }, [session]);

  const check = useCallback(() => {
    setBoot({ state: 'loading' });
    auth.session().then(
      (s) => {
        setSession(s);
        setBoot({ state: 'ready' });
      },
      (err: unknown) => {
        const e = toApiError(err);
        setBoot(e.status === 401 ? { state: 'ready' } : { state: 'failed', error: e });
      },
    );
  }, []);
  useEffect(check, [check]);
  // What the user does (not what the page refreshes) keeps the session alive.
  useEffect(() => trackActivity(() => api.keepAlive()), []);

  // Any request answered 401 means the session expired: back to the login page.
  useEffect(
    () =>
      api.onUnauthorized((err) => {
        if (hadSession.current) {
          disconnect();
          void message.warning(err.code === 'session_expired' ? err.message : '登录已过期，请重新登录');
        }
        setSession(null);
      }),
    [message],
  );

  const signedOut = session === null;
  // The server closed the live connection: back to the login page, or, when only the role
  // changed, reload the session so menus and the new connection follow the new role.
  useEffect(() => {
    if (signedOut) return;
    let off: (() => void) | undefined;
    let mounted = true;
    void liveSocket().then((m) => {
      if (!mounted) return;
      off = m.onSessionEnded((ended) => {
        m.disconnectAdminSocket();
        if (ended.code === 'role_changed') {
          void message.info(ended.message);
          check();
          return;
        }
        void message.warning(ended.message);
        api.setSession(null);
        setSession(null);
      });
    });
    return () => {
      mounted = false;
      off?.();
    };
  }, [signedOut, message, check]);

  const logout = useCallback(async () => {
    disconnect();
    try {
      await auth.logout();
    } catch {
      // Already gone on the server; the local session is cleared either way.
    }
    setSession(null);
  }, []);

  const context = useMemo<SessionContextValue | null>(
    () => session && { session, setSession: (s) => setSession(s), logout },
    [session, logout],
  );

  if (boot.state === 'loading') return <FullPageSpin />;
  if (boot.state === 'failed') {
    return (
      <Result
        status="error"
        title="无法连接管理服务"
        subTitle={boot.error.message}
        extra={<Button onClick={check}>重试</Button>}
      />
    );
  }
  if (!session || !context) return <LoginPage onLoggedIn={setSession} />;
  return (
    <Suspense fallback={<FullPageSpin />}>
      {session.user.mustChangePassword ? (
        <ForcedPasswordPage session={session} onChanged={setSession} onLogout={() => void logout()} />
      ) : (
        <SessionContext.Provider value={context}>
          <AppLayout />
        </SessionContext.Provider>
      )}
    </Suspense>
  );
}
