import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ScreenStatus, TimeSync } from '../../../core/protocol/events.js';
import {
  Client,
  connectPlayer,
  loginAs,
  pairScreen,
  startTestServer,
  type TestServer,
} from '../../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ bootReportRateMax: 3, bootReportMaxBytes: 1024 });
});
afterAll(async () => {
  await t.close();
});

const report = (over: Record<string, unknown> = {}) => ({
  reason: 'engine_too_old',
  engine: {
    name: 'chromium',
    major: 52,
    android: 7,
    webview: true,
    ua: 'Mozilla/5.0 (Linux; Android 7.1.2; rk3288 Build/NHG47K; wv) AppleWebKit/537.36 Chrome/52.0.2743.100 Safari/537.36',
  },
  errors: [],
  path: '/player/',
  ...over,
});

describe('boot reports', () => {
  it('are public, refuse a malformed or oversized report, and list for the dashboard only', async () => {
    const box = new Client(t.url);
    expect((await box.request('POST', '/api/player/boot-reports', { reason: 'nope' })).status).toBe(400);
    const big = report({ errors: ['x'.repeat(300), 'y'.repeat(300), 'z'.repeat(300), 'w'.repeat(300)] });
    const tooBig = await box.request('POST', '/api/player/boot-reports', big, {
      'x-forwarded-for': '10.0.0.9',
    });
    expect(tooBig.status).toBe(413);
    expect((await box.request('GET', '/api/player/boot-reports')).status).toBe(401);
  });

  it('store a box that cannot run the player, newest first, and rate-limit each address', async () => {
    const box = new Client(t.url);
    const first = await box.request('POST', '/api/player/boot-reports', report());
    expect(first.status).toBe(204);
    const second = await box.request(
      'POST',
      '/api/player/boot-reports',
      report({ reason: 'start_failed', errors: ['SyntaxError: Unexpected token ?'] }),
    );
    expect(second.status).toBe(204);
    const op = await loginAs(t, 'operator');
    const list = await op.request('GET', '/api/player/boot-reports?limit=10');
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({
      reason: 'start_failed',
      errors: ['SyntaxError: Unexpected token ?'],
    });
    expect(list.body[1]).toMatchObject({
      reason: 'engine_too_old',
      engine: { major: 52, android: 7, webview: true },
    });
    // The oversized one above counted nothing; three per window from one address.
    expect((await box.request('POST', '/api/player/boot-reports', report())).status).toBe(204);
    const limited = await box.request('POST', '/api/player/boot-reports', report());
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('秒后再试');
  });
});

describe('the engine a player says hello with', () => {
  it('shows on the screen list and is stored with the screen', async () => {
    const { token, screenId } = await pairScreen(t, '老旧盒子');
    const socket = connectPlayer(t, token);
    const ack = await new Promise<Ack<TimeSync>>((resolve) =>
      socket.emit(
        'player:hello',
        {
          revision: 0,
          version: 't',
          canvas: { width: 1920, height: 1080 },
          engine: { name: 'chromium', major: 69, android: 9 },
        },
        resolve,
      ),
    );
    expect(ack.ok).toBe(true);
    const op = await loginAs(t, 'operator');
    const screens = (await op.request('GET', '/api/screens')).body as ScreenStatus[];
    expect(screens.find((s) => s.id === screenId)?.engine).toEqual({
      name: 'chromium',
      major: 69,
      android: 9,
    });
    t.hc.stores.screens.flushPresence(t.hc.services.presence.drainDirty());
    expect(t.hc.stores.screens.get(screenId)?.engine).toEqual({ name: 'chromium', major: 69, android: 9 });
    socket.disconnect();
  });
});
