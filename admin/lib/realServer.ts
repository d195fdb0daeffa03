import type { Role } from '../../core/protocol/rest.js';
import { startTestServer, type TestServer } from '../../server/test/harness.js';
import { api } from './api.js';
import { auth } from './auth.js';

/** One request the admin's client sent, as the server got it. */
export interface Sent {
  method: string;
  path: string;
}

/**
 * A real HallCast (SQLite in a temporary folder, demo content) on an ephemeral port for the
 * admin's component tests, with the browser's part played here: a cookie jar for the session
 * cookie (fetch in Node keeps none) and a log of the requests the client sent, to count them.
 * Nothing of the server is mocked.
 */
export async function startRealServer(): Promise<{
  t: TestServer;
  sent: Sent[];
  signIn(role: Role): Promise<void>;
  close(): Promise<void>;
}> {
  const t = await startTestServer();
  const sent: Sent[] = [];
  let cookie = '';
  const browserFetch = globalThis.fetch;
  const withJar: typeof fetch = async (input, init = {}) => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    // The jar stands in for the browser's: a request that carries its own cookie (a harness
    // Client of another user) keeps it, and what such a request is answered is not the admin's.
    const own = headers.has('cookie');
    if (cookie && !own && url.origin === t.url) headers.set('cookie', cookie);
    sent.push({ method: (init.method ?? 'GET').toUpperCase(), path: url.pathname + url.search });
    const res = await browserFetch(input, { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (!own && set?.startsWith('hc_session=')) cookie = set.split(';')[0]!;
    return res;
  };
  globalThis.fetch = withJar;
  api.baseUrl = t.url;
  return {
    t,
    sent,
    async signIn(role) {
      const login = t.hc.demoLogins?.find((l) => l.role === role);
      if (!login) throw new Error(`no demo login of role ${role}`);
      await auth.login({ username: login.username, password: login.password });
    },
    async close() {
      globalThis.fetch = browserFetch;
      api.baseUrl = '';
      api.setSession(null);
      await t.close();
    },
  };
}
