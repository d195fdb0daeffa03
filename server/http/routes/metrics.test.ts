import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestUpdated } from '../../../core/protocol/events.js';
import {
  connectPlayer,
  loginAs,
  pairScreen,
  startTestServer,
  type TestServer,
  until,
} from '../../test/harness.js';

const TOKEN = 'metrics-token-0123456789';
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ metricsToken: TOKEN });
});
afterAll(() => t.close());

const scrape = async (auth?: string, base = t.url) => {
  const res = await fetch(`${base}/metrics`, { headers: auth ? { authorization: auth } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
/** The value of one sample line, e.g. `hallcast_convergence_seconds_count{kind="emergency"}`. */
const sample = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe('/metrics', () => {
  it('answers 401 and no figures without the token or with a wrong one', async () => {
    for (const auth of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`]) {
      const r = await scrape(auth);
      expect(r.status, String(auth)).toBe(401);
      expect(r.text).not.toContain('hallcast_');
      expect(JSON.parse(r.text).error.message).toContain('HALLCAST_METRICS_TOKEN');
    }
  });

  it('shows screens per hall, sockets and pending changes, and the convergence histogram moves on a publish', async () => {
    const { token } = await pairScreen(t, '指标测试屏');
    const player = connectPlayer(t, token);
    const updates: ManifestUpdated[] = [];
    player.on('manifest:updated', (m) => updates.push(m));
    await until(() => updates.length > 0);
    await player.timeout(2000).emitWithAck('player:rendered', { revision: updates.at(-1)!.revision });

    const before = await scrape(`Bearer ${TOKEN}`);
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    expect(sample(before.text, 'hallcast_screens{hall="黑河市政务服务中心",state="online"}')).toBe(1);
    expect(sample(before.text, 'hallcast_sockets{namespace="player"}')).toBe(1);
    expect(before.text).toContain('hallcast_nodejs_eventloop_lag_seconds');
    const count = 'hallcast_convergence_seconds_count{kind="emergency"}';
    expect(sample(before.text, count)).toBe(0);

    const shown = updates.at(-1)!.revision;
    const publicity = await loginAs(t, 'publicity');
    const e = await publicity.request('POST', '/api/emergencies', {
      title: '指标测试通知',
      body: '',
      targets: { all: true, hallIds: [], groupIds: [], screenIds: [] },
    });
    expect(e.status).toBe(201);
    const during = await scrape(`Bearer ${TOKEN}`);
    expect(sample(during.text, 'hallcast_changes_pending')).toBeGreaterThanOrEqual(1);
    await until(() => updates.at(-1)!.revision > shown);
    await player.timeout(2000).emitWithAck('player:rendered', { revision: updates.at(-1)!.revision });
    const after = await scrape(`Bearer ${TOKEN}`);
    expect(sample(after.text, count)).toBe(1);
    expect(sample(after.text, 'hallcast_change_complete_seconds_count{kind="emergency"}')).toBe(1);
    player.close();
  });

  it('lets an allowed address read without the token', async () => {
    const open = await startTestServer({ metricsAllow: '127.0.0.1' });
    try {
      const r = await scrape(undefined, open.url);
      expect(r.status).toBe(200);
      expect(r.text).toContain('hallcast_screens');
    } finally {
      await open.close();
    }
  });
});
