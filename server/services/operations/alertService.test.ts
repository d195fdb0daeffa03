import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../core/protocol/events.js';
import { ManualClock } from '../../clock.js';
import { type Client, loginAs, startTestServer, type TestServer, until } from '../../test/harness.js';
import { adminSocket, createScreens, SimPlayer } from '../../test/realtimeKit.js';
import { isOpenAt } from '../screens/openingHours.js';
import { parseWebhooks, signDingtalk, webhookBody } from './webhookFormats.js';

// Wednesday 2026-11-25 10:00 in Asia/Shanghai; the demo hall opens Mon–Fri 08:30–17:00, Sat 09:00–12:00.
const WED_10 = Date.UTC(2026, 10, 25, 2, 0);
const HOUR = 3_600_000;
const clock = new ManualClock(WED_10);
const OFFLINE = 70_000;

let t: TestServer;
let receiver: Server;
let operator: Client;
const hooks: { path: string; url: string; body: any }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hooks.push({ path: (req.url ?? '').split('?')[0]!, url: req.url ?? '', body: JSON.parse(body) });
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  t = await startTestServer(
    {
      offlineAfterMs: OFFLINE,
      alertWebhooks: `${base}/generic, wecom=${base}/wecom dingtalk=${base}/dingtalk`,
      alertDingtalkSecret: 'SECtest',
    },
    clock,
  );
  operator = await loginAs(t, 'operator');
});
afterAll(async () => {
  await t.close();
  receiver.close();
});

const check = () => t.hc.realtime.expirePresence();
const raisedFor = (events: { name: string; payload: unknown }[], screenId: string) =>
  events.filter((e) => e.name === 'alert:raised' && (e.payload as Alert).screenId === screenId);

describe('offline alerts', () => {
  it('fires once for a screen that stops, within opening hours only, and sends a recovery notice', async () => {
    const [screen] = createScreens(t, 1, '告警测试屏');
    const admin = adminSocket(t, operator);
    await until(() => admin.socket.connected);
    const p = await new SimPlayer(t, screen!).connected();
    await until(() => p.rendered > 0);
    p.close();
    await until(() => !t.hc.services.presence.isOnline(screen!.id));

    clock.advance(OFFLINE - 5_000);
    check();
    expect(raisedFor(admin.events, screen!.id)).toHaveLength(0);
    clock.advance(10_000);
    for (let i = 0; i < 4; i++) {
      check();
      clock.advance(30_000);
    }
    await until(() => raisedFor(admin.events, screen!.id).length === 1);
    await t.hc.services.webhooks.idle();
    expect(raisedFor(admin.events, screen!.id)).toHaveLength(1);
    const open = (await operator.request('GET', '/api/alerts')).body as Alert[];
    expect(open.filter((a) => a.screenId === screen!.id)).toHaveLength(1);
    expect(hooks.map((h) => h.path).sort()).toEqual(['/dingtalk', '/generic', '/wecom']);
    const generic = hooks.find((h) => h.path === '/generic')!.body;
    expect(generic).toMatchObject({
      event: 'alert.raised',
      alert: { screenId: screen!.id, kind: 'offline' },
    });
    expect(generic.text).toContain('告警测试屏');
    expect(hooks.find((h) => h.path === '/wecom')!.body).toMatchObject({ msgtype: 'markdown' });
    expect(hooks.find((h) => h.path === '/wecom')!.body.markdown.content).toContain('屏幕离线');
    const ding = hooks.find((h) => h.path === '/dingtalk')!;
    expect(ding.body.markdown.title).toContain('屏幕离线');
    expect(ding.url).toMatch(/timestamp=\d+&sign=/);
    const status = (await operator.request('GET', '/api/dashboard')).body.screens.find(
      (s: { id: string }) => s.id === screen!.id,
    );
    expect(status.alert?.id).toBe(open[0]!.id);

    // Back online: one recovery notice, in the admin and by webhook.
    hooks.length = 0;
    p.open();
    await until(() => admin.events.some((e) => e.name === 'alert:cleared'));
    await t.hc.services.webhooks.idle();
    expect(hooks.map((h) => [h.path, h.body.event ?? h.body.msgtype])).toContainEqual([
      '/generic',
      'alert.cleared',
    ]);
    expect(hooks).toHaveLength(3);
    expect((await operator.request('GET', '/api/alerts')).body).toHaveLength(0);

    // After closing time (20:00) a screen that stops raises nothing ...
    hooks.length = 0;
    clock.set(WED_10 + 10 * HOUR);
    await p.socket
      .timeout(2000)
      .emitWithAck('player:hello', { revision: 1, version: 't', canvas: { width: 1920, height: 1080 } });
    p.close();
    await until(() => !t.hc.services.presence.isOnline(screen!.id));
    for (let i = 0; i < 6; i++) {
      clock.advance(5 * 60_000);
      check();
    }
    expect(raisedFor(admin.events, screen!.id)).toHaveLength(1);
    expect(hooks).toHaveLength(0);
    // ... until the hall opens the next morning with the screen still dark.
    clock.set(WED_10 + 22 * HOUR + 35 * 60_000);
    check();
    check();
    await until(() => raisedFor(admin.events, screen!.id).length === 2);
    await t.hc.services.webhooks.idle();
    expect(hooks.filter((h) => h.path === '/generic')).toHaveLength(1);
    admin.socket.close();
  });

  it('lets an operator acknowledge an alert; other roles only read', async () => {
    operator = await loginAs(t, 'operator'); // the manual clock ran past the session's lifetime
    const [alert] = (await operator.request('GET', '/api/alerts')).body as Alert[];
    expect(alert).toBeDefined();
    const viewer = await loginAs(t, 'publicity');
    expect((await viewer.request('POST', `/api/alerts/${alert!.id}/acknowledge`)).status).toBe(403);
    const acked = await operator.request('POST', `/api/alerts/${alert!.id}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body.acknowledgedAt).toBe(clock.now());
  });
});

describe('webhook formats', () => {
  it('parses the target list and signs DingTalk requests', () => {
    expect(
      parseWebhooks(
        'https://a.example/x, wecom=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1 bogus',
      ),
    ).toEqual([
      { format: 'generic', url: 'https://a.example/x' },
      { format: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1' },
    ]);
    expect(
      signDingtalk('https://oapi.dingtalk.com/robot/send?access_token=x', 'SEC1', 1_700_000_000_000),
    ).toMatch(/access_token=x&timestamp=1700000000000&sign=[\w%]+$/);
    const alert: Alert = {
      id: 'a',
      kind: 'offline',
      screenId: 's',
      screenName: '一楼主屏',
      hallId: 'h',
      hallName: '黑河市政务服务中心',
      message: '已 3 分钟没有收到心跳',
      at: WED_10,
      lastSeenAt: WED_10 - 180_000,
      clearedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
    };
    const body = webhookBody(
      'dingtalk',
      { event: 'alert.raised', alert, timezone: 'Asia/Shanghai' },
      WED_10,
    ) as any;
    expect(body.markdown.text).toContain('最后在线：2026-11-25 09:57');
  });
});

describe('opening hours', () => {
  const hall = {
    timezone: 'Asia/Shanghai',
    openingHours: [
      { weekdays: [1, 2, 3, 4, 5], open: '08:30', close: '17:00' },
      { weekdays: [6], open: '09:00', close: '12:00' },
    ],
  };
  const at = (iso: string) => Date.parse(`${iso}+08:00`);
  it('follows the hall timezone, weekdays, holidays and 调休 working days', () => {
    expect(isOpenAt(hall, at('2026-11-25T08:29:00'))).toBe(false);
    expect(isOpenAt(hall, at('2026-11-25T08:30:00'))).toBe(true);
    expect(isOpenAt(hall, at('2026-11-25T16:59:00'))).toBe(true);
    expect(isOpenAt(hall, at('2026-11-25T17:00:00'))).toBe(false);
    expect(isOpenAt(hall, at('2026-11-28T10:00:00'))).toBe(true); // Saturday morning
    expect(isOpenAt(hall, at('2026-11-29T10:00:00'))).toBe(false); // Sunday
    // 10:15 in Shanghai is 08:15 in Urumqi: that hall is not open yet.
    expect(isOpenAt({ ...hall, timezone: 'Asia/Urumqi' }, at('2026-11-25T10:15:00'))).toBe(false);
    expect(isOpenAt({ ...hall, timezone: 'Asia/Urumqi' }, at('2026-11-25T10:45:00'))).toBe(true);
    expect(isOpenAt({ ...hall, timezone: 'UTC' }, at('2026-11-25T10:00:00'))).toBe(false); // 02:00 UTC
    expect(isOpenAt(hall, at('2026-10-01T10:00:00'), () => 'holiday')).toBe(false);
    expect(isOpenAt(hall, at('2026-11-29T10:00:00'), () => 'workday')).toBe(true);
    expect(isOpenAt({ timezone: 'Asia/Shanghai', openingHours: [] }, at('2026-11-29T03:00:00'))).toBe(true);
    const night = {
      timezone: 'Asia/Shanghai',
      openingHours: [{ weekdays: [3], open: '22:00', close: '02:00' }],
    };
    expect(isOpenAt(night, at('2026-11-25T23:00:00'))).toBe(true);
  });
});
