import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestUpdated } from '../../../core/protocol/events.js';
import {
  Client,
  connectPlayer,
  loginAs,
  once,
  pairScreen,
  startTestServer,
  type TestServer,
  until,
} from '../../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const secret = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex');
const register = (c: Client, s: string) =>
  c.request('POST', '/api/pair/register', {
    deviceSecret: s,
    canvas: { width: 1920, height: 1080 },
    version: 't',
  });

describe('pairing', () => {
  it('shows a 6-character code from the unambiguous alphabet and stays pending until claimed', async () => {
    const c = new Client(t.url);
    const s = secret();
    const reg = await register(c, s);
    expect(reg.status).toBe(200);
    expect(reg.body.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    const poll = await c.request('POST', '/api/pair/poll', {
      code: reg.body.code.toLowerCase(),
      deviceSecret: s,
    });
    expect(poll.body).toMatchObject({ status: 'pending' });
  });

  it('gives the token only to the device holding the secret, once', async () => {
    const device = new Client(t.url);
    const s = secret();
    const reg = await register(device, s);
    const op = await loginAs(t, 'operator');
    const hall = t.hc.stores.halls.listHalls()[0]!;
    const claim = await op.request('POST', '/api/screens/claim', {
      code: reg.body.code.toLowerCase(),
      name: '一楼东侧大屏',
      hallId: hall.id,
      groupId: null,
      layout: 'landscape',
      canvas: { width: 1920, height: 1080 },
    });
    expect(claim.status).toBe(201);
    const thief = await new Client(t.url).request('POST', '/api/pair/poll', {
      code: reg.body.code,
      deviceSecret: secret(),
    });
    expect(thief.status).toBe(404);
    const mine = await device.request('POST', '/api/pair/poll', { code: reg.body.code, deviceSecret: s });
    expect(mine.body).toMatchObject({ status: 'paired', screenName: '一楼东侧大屏' });
    expect(mine.body.token).toMatch(/^[0-9a-f]{64}$/);
    const again = await device.request('POST', '/api/pair/poll', { code: reg.body.code, deviceSecret: s });
    expect(again.status).toBe(404);
    const row = t.hc.stores.screens.get(mine.body.screenId)!;
    expect(row.tokenHash).not.toBe(mine.body.token);
  });

  it('refuses unknown and malformed codes with a clear message', async () => {
    const op = await loginAs(t, 'operator');
    const hall = t.hc.stores.halls.listHalls()[0]!;
    const base = {
      name: 'x',
      hallId: hall.id,
      groupId: null,
      layout: 'landscape',
      canvas: { width: 1920, height: 1080 },
    };
    const before = t.hc.stores.screens.list().length;
    const unknown = await op.request('POST', '/api/screens/claim', { ...base, code: '222222' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('code_not_found');
    const bad = await op.request('POST', '/api/screens/claim', { ...base, code: 'O0I1' });
    expect(bad.status).toBe(400);
    expect(t.hc.stores.screens.list().length).toBe(before);
  });
});

describe('player socket', () => {
  it('refuses a missing or bad token with a reason', async () => {
    for (const token of [undefined, 'f'.repeat(64), 'not-a-token']) {
      const p = connectPlayer(t, token);
      const err = await once<Error & { data?: { code: string; message: string } }>(p, 'connect_error');
      expect(err.data?.code).toBe('unauthorized');
      expect(err.data?.message).toContain('重新配对');
      p.close();
    }
  });

  it('pushes the manifest on connect and records the rendered confirmation', async () => {
    const { token, screenId } = await pairScreen(t, '二楼等候区');
    const p = connectPlayer(t, token, { autoAck: false });
    const update = await new Promise<ManifestUpdated>((resolve) =>
      p.on('manifest:updated', (payload, ack) => {
        ack({ ok: true, data: undefined });
        resolve(payload);
      }),
    );
    const m = update.manifest!;
    expect(m.screenId).toBe(screenId);
    expect(m.hall.name).toBe('黑河市政务服务中心');
    expect(m.timezone).toBe('Asia/Shanghai');
    expect(m.schedule.until - m.schedule.from).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(m.datasets.map((d) => d.listType).sort()).toContain('black');
    expect(m.items.some((i) => i.kind === 'list-board')).toBe(true);
    expect(m.demo).toBe(true);
    await until(() => t.hc.stores.screens.get(screenId)!.ackedRevision === m.revision);
    const ack = await p.timeout(2000).emitWithAck('player:rendered', { revision: m.revision });
    expect(ack).toEqual({ ok: true });
    expect(t.hc.stores.screens.get(screenId)!.renderedRevision).toBe(m.revision);
    const hello = await p.timeout(2000).emitWithAck('player:hello', {
      revision: m.revision,
      version: 't',
      canvas: { width: 1920, height: 1080 },
    });
    expect(hello.ok && hello.data.listsValidUntil).toBeGreaterThan(Date.now());
    p.close();
  });

  it('fetches the manifest and datasets over HTTP with the device token only', async () => {
    const { token } = await pairScreen(t);
    const auth = { authorization: `Bearer ${token}` };
    const m = await new Client(t.url).request('GET', '/api/player/manifest', undefined, auth);
    expect(m.status).toBe(200);
    const hash = m.body.datasets[0].hash;
    const d = await new Client(t.url).request('GET', `/datasets/${hash}`, undefined, auth);
    expect(d.status).toBe(200);
    expect(d.headers.get('cache-control')).toContain('immutable');
    expect(d.body.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(d.body)).not.toMatch(/\d{17}[\dX]/);
    expect((await new Client(t.url).request('GET', `/datasets/${hash}`)).status).toBe(401);
  });

  it('revoking drops the socket at once and refuses the token afterwards', async () => {
    const { token, screenId } = await pairScreen(t);
    const auth = { authorization: `Bearer ${token}` };
    const hash = (await new Client(t.url).request('GET', '/api/player/manifest', undefined, auth)).body
      .datasets[0].hash as string;
    // Fetched once before the revocation: the token is known (kept in memory) from here on.
    expect((await new Client(t.url).request('GET', `/datasets/${hash}`, undefined, auth)).status).toBe(200);
    const p = connectPlayer(t, token);
    await once(p, 'manifest:updated');
    const bye = once<{ code: string }>(p, 'server:bye');
    const gone = once(p, 'disconnect');
    const op = await loginAs(t, 'operator');
    expect((await op.request('POST', `/api/screens/${screenId}/revoke`)).status).toBe(200);
    expect((await bye).code).toBe('revoked');
    await gone;
    const again = connectPlayer(t, token);
    expect((await once<{ data?: { code: string } }>(again, 'connect_error')).data?.code).toBe('unauthorized');
    again.close();
    for (const path of [`/datasets/${hash}`, '/api/player/manifest', '/api/player/snapshot']) {
      expect((await new Client(t.url).request('GET', path, undefined, auth)).status).toBe(401);
    }
  });

  it('survives malformed events and answers them with an error', async () => {
    const { token } = await pairScreen(t);
    const p = connectPlayer(t, token);
    await once(p, 'manifest:updated');
    const before = t.hc.realtime.stats.malformed;
    const r = await (p as any).timeout(2000).emitWithAck('player:rendered', { revision: 'nope' });
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('invalid_payload');
    (p as any).emit('player:state', 42);
    (p as any).emit('player:heartbeat', null, () => undefined);
    await until(() => t.hc.realtime.stats.malformed >= before + 3);
    const health = await new Client(t.url).request('GET', '/api/health');
    expect(health.status).toBe(200);
    p.close();
  });
});

// Last: it spends this address's pairing budget.
describe('guessing', () => {
  it('rate limits guessing', async () => {
    const c = new Client(t.url);
    let limited = 0;
    for (let i = 0; i < 40; i++) {
      const r = await c.request('POST', '/api/pair/poll', { code: '2345AB', deviceSecret: secret() });
      if (r.status === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});
