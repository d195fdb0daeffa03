import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { adminTab, launchBrowser } from './browser.js';

let t: TestServer;
let browser: Browser;
let evil: Server;
let evilUrl: string;

/**
 * Opens the /admin namespace the way a hostile page would, with a bare WebSocket (the browser
 * adds the session cookie: another port of the same host is the same site) and returns the
 * namespace's answer: `40/admin,{sid}` admitted, `44/admin,{message}` refused.
 */
const hijack = (page: Page, target: string) =>
  page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
        ws.onmessage = (m) => {
          const text = String(m.data);
          if (text.startsWith('0')) ws.send('40/admin,');
          if (text.startsWith('40/admin') || text.startsWith('44/admin')) {
            resolve(text);
            ws.close();
          }
        };
        ws.onerror = () => resolve('socket error');
      }),
    target,
  );

beforeAll(async () => {
  t = await startTestServer();
  browser = await launchBrowser();
  // Another origin of the same site: same host, another port.
  evil = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>别的页面</title><p>evil</p>');
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
  evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  evil?.close();
  await t?.close();
});

describe('cross-site WebSocket hijacking of /admin', () => {
  it('a page on another origin of the same site cannot open a signed-in operator’s /admin socket', async () => {
    const admin = await adminTab(browser, t.url, t.hc.demoLogins!, 'operator');
    // The admin's own page is admitted.
    expect(await hijack(admin, t.url)).toMatch(/^40\/admin,\{"sid"/);

    // The same tab (same cookies) moves to the other origin and tries again.
    await admin.goto(`${evilUrl}/`);
    const answer = await hijack(admin, t.url);
    expect(answer).toBe('44/admin,{"message":"origin_forbidden"}');
  });
});
