import '../lists/testDom.js';
import { onlineManager } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { connectPlayer, type PlayerClient, pairScreen } from '../../server/test/harness.js';
import { Providers } from '../common/Providers.js';
import { call } from '../lib/client.js';
import { startRealServer } from '../lib/realServer.js';
import { SessionContext } from '../lib/session.js';
import { disconnectAdminSocket, getAdminSocket, setAdminSocketHeaders } from '../lib/socket.js';
import { DashboardPage } from './DashboardPage.js';

let server: Awaited<ReturnType<typeof startRealServer>>;
let session: SessionInfo;
let paired: { token: string; screenId: string };
const players: PlayerClient[] = [];

beforeAll(async () => {
  server = await startRealServer();
  // The browser sends the session cookie on the /admin handshake; in Node the socket presents
  // it itself: the cookie the jar got from the sign-in.
  const jarFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const res = await jarFetch(input, init);
    const set = res.headers.get('set-cookie');
    if (set?.startsWith('hc_session=')) setAdminSocketHeaders({ cookie: set.split(';')[0]! });
    return res;
  };
  // Paired first: the harness signs in its own operator through the same fetch.
  paired = await pairScreen(server.t, '看板测试屏');
  await server.signIn('operator');
  session = await call(routes.auth.session);
});
afterEach(() => {
  cleanup();
  disconnectAdminSocket();
  for (const p of players.splice(0)) p.close();
});
afterAll(() => server.close());

function renderDashboard() {
  server.sent.length = 0;
  render(
    <Providers>
      <SessionContext.Provider
        value={{ session, setSession: () => undefined, logout: async () => undefined }}
      >
        <DashboardPage />
      </SessionContext.Provider>
    </Providers>,
  );
}

const dashboardReads = () => server.sent.filter((r) => r.path === routes.dashboard.get.path).length;
const health = () =>
  document
    .querySelector(`[data-testid="ops-screen-row"][data-screen-id="${paired.screenId}"]`)
    ?.querySelector('[data-testid="ops-screen-status"]')
    ?.getAttribute('data-health');
const settle = (ms = 300) => act(() => new Promise((r) => setTimeout(r, ms)));

/** Rendered, its first read answered and the socket up. */
async function openDashboard() {
  renderDashboard();
  await waitFor(() => expect(health()).toBeTruthy());
  await waitFor(() => expect(getAdminSocket().connected).toBe(true));
}

describe('DashboardPage against the real server', () => {
  it('shows a real player coming online and going dark from /admin events, with no refetch', async () => {
    await openDashboard();
    expect(health()).toBe('never');

    const player = connectPlayer(server.t, paired.token);
    players.push(player);
    await waitFor(() => expect(['online', 'stale']).toContain(health()), { timeout: 5000 });
    player.close();
    await waitFor(() => expect(health()).toBe('offline'), { timeout: 5000 });

    // Both changes came from screen:updated written into the dashboard's cached read.
    expect(server.sent).toEqual([{ method: 'GET', path: routes.dashboard.get.path }]);
  });

  it('sends nothing but its first read while left open for 8 hours', async () => {
    // Only Date is faked. The server, socket.io on both ends and Testing Library run in this
    // process on the real setTimeout/setInterval: faked, an 8-hour advance would fire the
    // server's ping timeouts before the client's pong could arrive and drop the socket. What
    // could make the dashboard refetch is time-based staleness (Date) and TanStack's focus and
    // online triggers, which are driven here by hand every 10 minutes.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      await openDashboard();
      for (let minutes = 10; minutes <= 8 * 60; minutes += 10) {
        vi.setSystemTime(Date.now() + 10 * 60_000);
        window.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event('focus'));
        // The network "comes back" for TanStack only (a window offline event would close the socket too).
        onlineManager.setOnline(false);
        onlineManager.setOnline(true);
        await settle(5);
      }
      await settle();
      // Expected: the one dashboard read. The reads /admin events keep current are never stale
      // by time; the session keep-alive (api.keepAlive, wired to trackActivity in AdminApp)
      // sends GET /api/auth/session only after user input, at most once a minute, so an
      // unattended dashboard sends none; and every request carries the idle header, so the
      // live view does not hold an idle session open (the server ends it at the idle limit).
      expect(server.sent).toEqual([{ method: 'GET', path: routes.dashboard.get.path }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the live view paused while the socket is lost, and catches up once on reconnect', async () => {
    await openDashboard();
    expect(screen.queryByTestId('live-paused')).toBeNull();

    // The server drops the connection (as a network loss would); socket.io-client reconnects.
    for (const s of server.t.hc.realtime.io.of('/admin').sockets.values()) s.conn.close();
    expect(await screen.findByTestId('live-paused')).toHaveProperty(
      'textContent',
      expect.stringContaining('实时连接已断开，正在重连…'),
    );

    await waitFor(() => expect(screen.queryByTestId('live-paused')).toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(dashboardReads()).toBe(2));
    await settle();
    expect(dashboardReads()).toBe(2);
    expect(server.sent).toHaveLength(2);
  });

  it('shows a real publish converging on the screen from change:progress, with no refetch', async () => {
    await server.signIn('reviewer');
    session = await call(routes.auth.session);
    const player = connectPlayer(server.t, paired.token);
    players.push(player);
    // The player shows what it receives: rendered follows received.
    player.on('manifest:updated', ({ revision }) =>
      player.emit('player:rendered', { revision }, () => undefined),
    );
    await openDashboard();
    await waitFor(() => expect(health()).toBe('online'), { timeout: 5000 });
    server.sent.length = 0;

    await call(routes.emergencies.create, {
      body: { title: '看板测试通知', body: '', targets: { all: false, screenIds: [paired.screenId] } },
    });
    const row = await screen.findByText('看板测试通知', { exact: false }, { timeout: 5000 });
    const progress = row.closest('[data-testid="change-progress"]');
    await waitFor(() => expect(progress?.textContent).toContain('1/1 已生效'), { timeout: 5000 });

    expect(server.sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${routes.emergencies.create.path}`,
    ]);
  });

  // Last: it ends the session.
  it("shows the server's message when its read fails", async () => {
    await call(routes.auth.logout);
    renderDashboard();
    // GETs retry once (Providers), then the page says why, in the server's words.
    const failed = await screen.findByText('加载失败', {}, { timeout: 5000 });
    expect(failed.closest('.ant-alert')?.textContent).toContain('请先登录');
    expect(dashboardReads()).toBe(2);
  });
});
