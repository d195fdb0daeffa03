import './testDom.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../core/protocol/rest.js';
import { IDLE_HEADER } from '../../core/protocol/rest.js';
import { trackActivity } from './activity.js';
import { ApiClient } from './api.js';
import { json, startTestServer } from './testServer.js';

const session: SessionInfo = {
  user: { id: 'u1', username: 'admin', displayName: '管理员', role: 'sysadmin', mustChangePassword: false },
  csrfToken: 'csrf-123',
};
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((_req, res) => json(res, 200, session));
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.useRealTimers();
  server.requests.length = 0;
});

const idleSent = () => Number(server.requests.at(-1)!.headers[IDLE_HEADER]);

describe('the idle time every request reports', () => {
  it('grows while the user is away, however often the page asks, and starts again on input', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const stop = trackActivity();
    const client = new ApiClient(server.url);
    window.dispatchEvent(new KeyboardEvent('keydown'));
    vi.advanceTimersByTime(5 * 60_000);
    await client.request('GET', '/api/dashboard');
    expect(idleSent()).toBe(5 * 60_000);
    vi.advanceTimersByTime(60_000);
    await client.request('GET', '/api/dashboard');
    expect(idleSent()).toBe(6 * 60_000);
    window.dispatchEvent(new MouseEvent('pointerdown'));
    await client.request('POST', '/api/halls', {});
    expect(idleSent()).toBe(0);
    stop();
  });

  it('sends a keep-alive when the user works a minute without a request, and not more often', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const client = new ApiClient(server.url);
    client.setSession(session);
    const stop = trackActivity(() => client.keepAlive());
    await client.request('GET', '/api/halls');
    window.dispatchEvent(new KeyboardEvent('keydown'));
    expect(server.requests.length).toBe(1);
    vi.advanceTimersByTime(61_000);
    window.dispatchEvent(new KeyboardEvent('keydown'));
    window.dispatchEvent(new KeyboardEvent('keydown'));
    await vi.waitFor(() => expect(server.requests.length).toBe(2));
    expect(server.requests[1]!.url).toBe('/api/auth/session');
    expect(idleSent()).toBe(0);
    stop();
  });
});
