import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config.js';
import { loadConfig } from '../config.js';
import type { Client, TestServer } from '../test/harness.js';
import { loginAs, pairScreen, startTestServer, until } from '../test/harness.js';

type Attempt = { socket: Socket; events: string[]; result: Promise<'connected' | string> };

/** A real socket.io-client on /admin with the session cookie and the given Origin (or none). */
function attempt(t: TestServer, c: Client, origin?: string): Attempt {
  const socket = connect(`${t.url}/admin`, {
    transports: ['websocket'],
    extraHeaders: { cookie: c.cookie, ...(origin === undefined ? {} : { origin }) },
    reconnection: false,
    forceNew: true,
  });
  const events: string[] = [];
  socket.onAny((name: string) => events.push(name));
  const result = new Promise<'connected' | string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
  return { socket, events, result };
}

describe('/admin checks Origin against the request’s own host when no public URL is set', () => {
  let t: TestServer;
  let op: Client;
  beforeAll(async () => {
    t = await startTestServer({ adminPushMs: 20 });
    op = await loginAs(t, 'operator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses another origin, a sibling port, https for http, and null; admits its own and none', async () => {
    const own = `http://${new URL(t.url).host}`;
    const port = Number(new URL(t.url).port);
    const refused = [
      'https://evil.example',
      `http://127.0.0.1:${port + 1}`,
      `https://${new URL(t.url).host}`,
      'http://localhost:5173',
      'null',
    ];
    const tries = refused.map((o) => ({ origin: o, a: attempt(t, op, o) }));
    const good = attempt(t, op, own);
    const none = attempt(t, op);
    for (const { origin, a } of tries) expect(await a.result, origin).toBe('origin_forbidden');
    expect(await good.result).toBe('connected');
    expect(await none.result).toBe('connected');

    // Something happens: the admitted sockets hear of it, the refused ones never do.
    await pairScreen(t, '来源测试屏');
    await until(() => good.events.includes('screen:updated') && none.events.includes('screen:updated'));
    for (const { a } of tries) {
      expect(a.socket.connected).toBe(false);
      expect(a.events).toEqual([]);
      a.socket.close();
    }
    good.socket.close();
    none.socket.close();
  });

  it('a wrong origin is refused before the cookie counts: without a session it is still origin_forbidden', async () => {
    const anon = { cookie: '' } as Client;
    expect(await attempt(t, anon, 'https://evil.example').result).toBe('origin_forbidden');
    expect(await attempt(t, anon, `http://${new URL(t.url).host}`).result).toBe('unauthenticated');
  });
});

describe('/admin with HALLCAST_PUBLIC_URL and HALLCAST_ADMIN_ORIGINS', () => {
  let t: TestServer;
  let op: Client;
  beforeAll(async () => {
    t = await startTestServer({
      publicUrl: 'https://hall.example.gov.cn/',
      adminOrigins: 'http://localhost:5173, http://127.0.0.1:5173',
    });
    op = await loginAs(t, 'operator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('admits exactly the public URL’s origin and the listed ones; the request’s own host no longer counts', async () => {
    const cases: [string, string][] = [
      ['https://hall.example.gov.cn', 'connected'],
      ['http://localhost:5173', 'connected'],
      ['http://127.0.0.1:5173', 'connected'],
      ['http://hall.example.gov.cn', 'origin_forbidden'],
      ['https://hall.example.gov.cn.evil.example', 'origin_forbidden'],
      [`http://${new URL(t.url).host}`, 'origin_forbidden'],
      ['null', 'origin_forbidden'],
    ];
    for (const [origin, want] of cases) {
      const a = attempt(t, op, origin);
      expect(await a.result, origin).toBe(want);
      a.socket.close();
    }
  });
});

describe('npm run dev: the Vite dev server proxies /admin', () => {
  let t: TestServer;
  let op: Client;
  let vite: ViteDevServer;
  let devUrl: string;
  beforeAll(async () => {
    t = await startTestServer();
    op = await loginAs(t, 'operator');
    // vite.config.ts's own proxy table, pointed at this test server instead of :8080.
    const target = new URL(t.url).host;
    const proxy = Object.fromEntries(
      Object.entries(viteConfig.server?.proxy ?? {}).map(([path, p]) => [
        path,
        typeof p === 'string'
          ? p.replace('127.0.0.1:8080', target)
          : { ...p, target: String(p.target).replace('127.0.0.1:8080', target) },
      ]),
    );
    vite = await createServer({
      configFile: false,
      root: mkdtempSync(join(tmpdir(), 'hallcast-vite-')),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, proxy, hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await vite.listen();
    devUrl = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await vite.close();
    await t.close();
  });

  it('a page served by the dev server connects, as the browser sends it: its own Origin', async () => {
    const dev = { ...t, url: devUrl } as TestServer;
    const a = attempt(dev, op, devUrl);
    expect(await a.result).toBe('connected');
    a.socket.close();
    const evil = attempt(dev, op, 'https://evil.example');
    expect(await evil.result).toBe('origin_forbidden');
    evil.socket.close();
  });
});

describe('HALLCAST_ADMIN_ORIGINS', () => {
  it('refuses at start-up an entry that is not a full http(s) origin, naming the variable', () => {
    for (const bad of ['localhost:5173', 'ftp://files.example', 'http://ok.example, not a url']) {
      expect(() => loadConfig({ HALLCAST_ADMIN_ORIGINS: bad }), bad).toThrow(
        /配置错误 HALLCAST_ADMIN_ORIGINS: .*http/,
      );
    }
    expect(
      loadConfig({ HALLCAST_ADMIN_ORIGINS: 'http://localhost:5173 https://a.example' }).adminOrigins,
    ).toBe('http://localhost:5173 https://a.example');
  });
});
