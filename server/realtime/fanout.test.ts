import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../core/protocol/events.js';
import type { ChangeDetail } from '../../core/protocol/operations.js';
import { orgRow } from '../test/creditFixtures.js';
import { type Client, loginAs, startTestServer, type TestServer, until } from '../test/harness.js';
import { adminSocket, approvedBatch, createScreens, publish, SimPlayer } from '../test/realtimeKit.js';

let t: TestServer;
let editor: Client;
let reviewer: Client;
let operator: Client;
beforeAll(async () => {
  t = await startTestServer({ adminPushMs: 30, commandTimeoutMs: 600, convergenceTimeoutMs: 60_000 });
  editor = await loginAs(t, 'list-editor');
  reviewer = await loginAs(t, 'reviewer');
  operator = await loginAs(t, 'operator');
});
afterAll(async () => {
  await t.close();
});

const detail = async (changeId: string) =>
  (await operator.request('GET', `/api/changes/${changeId}`)).body as ChangeDetail;

describe('fan-out and convergence', () => {
  it('a withdrawal reaches every connected player and each confirms', async () => {
    const screens = createScreens(t, 12, '撤下测试屏');
    const players = await Promise.all(screens.map((s) => new SimPlayer(t, s).connected()));
    await until(() => players.every((p) => p.rendered > 0));
    const admin = adminSocket(t, operator);
    await until(() => admin.socket.connected);

    const row = orgRow({ 主体名称: '黑河撤下测试商贸有限公司' });
    const code = row[2]!;
    await publish(reviewer, await approvedBatch(t, editor, reviewer, [row]));
    await until(() => players.every((p) => p.entryNames().includes('黑河撤下测试商贸有限公司')));

    const w = await editor.request('POST', '/api/entries/withdraw-by-code', {
      code,
      kind: 'repair',
      reason: '已完成信用修复',
      docNo: '黑信修〔2026〕7号',
    });
    expect(w.status).toBe(200);
    const changeId = w.body[0].changeId as string;
    const revisions = screens.map((s) => t.hc.stores.screens.get(s.id)!.revision);
    await until(() => players.every((p, i) => p.rendered === revisions[i]));
    for (const p of players) expect(p.entryNames()).not.toContain('黑河撤下测试商贸有限公司');

    const d = await detail(changeId);
    const mine = d.screens.filter((s) => screens.some((x) => x.id === s.screenId));
    expect(mine).toHaveLength(12);
    expect(mine.every((s) => s.state === 'rendered' && s.receivedAt !== null && s.renderedAt !== null)).toBe(
      true,
    );
    expect(d.p50Ms).not.toBeNull();
    expect(d.p99Ms).toBeGreaterThanOrEqual(d.p50Ms!);
    expect(d.takedowns.map((x) => x.entryName)).toEqual(['黑河撤下测试商贸有限公司']);
    const td = await editor.request('GET', `/api/takedowns/${w.body[0].id}`);
    for (const s of screens) {
      expect(
        td.body.perScreen.find((x: { screenId: string }) => x.screenId === s.id).renderedAt,
      ).toBeGreaterThan(0);
    }
    // The admin saw it live, ending with every connected screen rendered.
    await until(() => admin.progressOf(changeId).some((p) => p.rendered === p.total - p.offline));
    const last = admin.progressOf(changeId).at(-1)!;
    expect(last.rendered).toBeGreaterThanOrEqual(12);
    for (const p of players) p.close();
    admin.socket.close();
  });

  it('a player offline during a publish converges on reconnect', async () => {
    const [a, b] = createScreens(t, 2, '离线测试屏');
    const pa = await new SimPlayer(t, a!).connected();
    const pb = await new SimPlayer(t, b!).connected();
    await until(() => pa.rendered > 0 && pb.rendered > 0);
    pb.close();
    await until(() => !t.hc.services.presence.isOnline(b!.id));

    const changeId = await publish(reviewer, await approvedBatch(t, editor, reviewer, [orgRow()]));
    await until(() => pa.rendered === t.hc.stores.screens.get(a!.id)!.revision);
    const before = await detail(changeId);
    expect(before.screens.find((s) => s.screenId === b!.id)?.state).toBe('offline');
    expect(before.screens.find((s) => s.screenId === a!.id)?.state).toBe('rendered');
    expect(before.offline).toBeGreaterThanOrEqual(1);

    pb.open();
    await until(() => pb.rendered === t.hc.stores.screens.get(b!.id)!.revision);
    const after = await detail(changeId);
    expect(after.screens.find((s) => s.screenId === b!.id)?.state).toBe('rendered');
    pa.close();
    pb.close();
  });

  it('pushes the revision alone when the manifest is over the inline limit, and shares builds', async () => {
    const [a, b] = createScreens(t, 2, '共享构建屏');
    const s = { ...t.hc.services, db: t.hc.db, stores: t.hc.stores };
    const ma = s.manifests.build(s.stores.screens.get(a!.id)!);
    const mb = s.manifests.build(s.stores.screens.get(b!.id)!);
    expect(ma.screenId).toBe(a!.id);
    expect(mb.screenId).toBe(b!.id);
    expect(ma.items).toBe(mb.items);
    const big = await startTestServer({ manifestInlineMaxBytes: 100 });
    try {
      const [c] = createScreens(big, 1);
      const p = await new SimPlayer(big, c!).connected();
      await until(() => p.rendered > 0);
      const update = p.events.find((e) => e.name === 'manifest:updated')!.payload as { manifest?: unknown };
      expect(update).toEqual({ revision: p.rendered });
      expect(p.manifest?.screenId).toBe(c!.id);
      p.close();
    } finally {
      await big.close();
    }
  });
});

describe('isolation', () => {
  it("a revoked token's socket gets its disconnect before any further event", async () => {
    const [victim] = createScreens(t, 1, '撤销测试屏');
    const p = await new SimPlayer(t, victim!).connected();
    await until(() => p.rendered > 0);
    const batch = await approvedBatch(t, editor, reviewer, [orgRow()]);
    const [revoked] = await Promise.all([
      operator.request('POST', `/api/screens/${victim!.id}/revoke`),
      publish(reviewer, batch),
    ]);
    expect(revoked.status).toBe(200);
    await until(() => p.events.some((e) => e.name === 'disconnect'));
    await new Promise((r) => setTimeout(r, 300));
    const names = p.events.map((e) => e.name);
    const bye = names.indexOf('server:bye');
    expect(bye).toBeGreaterThan(-1);
    expect(names.slice(bye + 1)).toEqual(['disconnect']);
    expect(p.socket.connected).toBe(false);
  });

  it('crafted events naming another screen change nothing and deliver nothing', async () => {
    const [a, b] = createScreens(t, 2, '隔离测试屏');
    const pa = await new SimPlayer(t, a!).connected();
    const pb = await new SimPlayer(t, b!).connected();
    await until(() => pa.rendered > 0 && pb.rendered > 0);
    const s = { ...t.hc.services, db: t.hc.db, stores: t.hc.stores };
    const rowB = { ...s.stores.screens.get(b!.id)! };
    const presenceB = { ...s.presence.get(b!.id)! };
    const seen = pb.events.length;
    const unknownBefore = t.hc.realtime.stats.unknownEvents;
    const raw = pa.socket as unknown as {
      emit: (...args: unknown[]) => void;
      timeout: (ms: number) => { emitWithAck: (...args: unknown[]) => Promise<unknown> };
    };
    const forB = { screenId: b!.id, screen: b!.id, room: `screen:${b!.id}` };
    raw.emit('player:rendered', { revision: 9999, ...forB }, () => undefined);
    raw.emit('player:state', { itemId: 'hijack', kind: 'clock', revision: 1, ...forB });
    raw.emit('player:error', { code: 'x', message: 'y', ...forB });
    raw.emit(
      'player:hello',
      { revision: 1, version: 'evil', canvas: { width: 100, height: 100 }, ...forB },
      () => undefined,
    );
    for (const name of [
      'join',
      'subscribe',
      'manifest:updated',
      'command',
      'server:bye',
      'screen:updated',
      'error',
    ]) {
      raw.emit(name, forB);
    }
    const answer = await raw.timeout(2000).emitWithAck('join', forB);
    expect(answer).toEqual({ ok: false, error: { code: 'unknown_event', message: 'unknown event' } });
    await until(() => t.hc.realtime.stats.unknownEvents >= unknownBefore + 8);

    const afterB = s.stores.screens.get(b!.id)!;
    expect(afterB.renderedRevision).toBe(rowB.renderedRevision);
    expect(afterB.ackedRevision).toBe(rowB.ackedRevision);
    expect(s.presence.get(b!.id)?.currentItem).toBe(presenceB.currentItem);
    expect(s.presence.get(b!.id)?.version).toBe(presenceB.version);
    // A's own rendered is capped at its own revision, never 9999.
    expect(s.stores.screens.get(a!.id)!.renderedRevision).toBe(s.stores.screens.get(a!.id)!.revision);
    const [serverA] = await t.hc.realtime.io.of('/player').in(`screen:${a!.id}`).fetchSockets();
    expect([...serverA!.rooms].filter((r) => r.includes(b!.id))).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(pb.events.slice(seen)).toEqual([]);
    pa.close();
    pb.close();
  });
});

describe('rate limits and robustness', () => {
  it('rate limits a heartbeat flood', async () => {
    const [a] = createScreens(t, 1, '心跳洪泛屏');
    const p = await new SimPlayer(t, a!).connected();
    const before = t.hc.realtime.stats.rateLimited;
    const hb = {
      revision: 1,
      item: null,
      uptimeS: 1,
      version: 't',
      canvas: { width: 1920, height: 1080 },
      cache: { bytes: 0, items: 0 },
      errors: 0,
    };
    const replies = await Promise.all(
      Array.from({ length: 200 }, () => p.socket.timeout(5000).emitWithAck('player:heartbeat', hb)),
    );
    const ok = replies.filter((r) => r.ok).length;
    const limited = replies.filter((r) => !r.ok && r.error.code === 'rate_limited').length;
    expect(ok).toBeLessThanOrEqual(8);
    expect(ok + limited).toBe(200);
    expect(t.hc.realtime.stats.rateLimited - before).toBe(limited);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await p.socket.timeout(2000).emitWithAck('player:heartbeat', hb)).ok).toBe(true);
    p.close();
  });

  it('sends remote commands and reports ack, error, timeout and offline', async () => {
    const [a, b, c] = createScreens(t, 3, '指令测试屏');
    const answering = await new SimPlayer(t, a!).connected();
    answering.socket.on('command', (cmd, ack) =>
      cmd.kind === 'snapshot'
        ? ack({ ok: false, error: { code: 'no_agent', message: '此屏幕未运行 kiosk 代理' } })
        : ack({ ok: true, data: { did: cmd.kind } }),
    );
    const silent = await new SimPlayer(t, b!).connected();
    const admin = adminSocket(t, operator);
    await until(() => admin.socket.connected);
    const run = async (id: string, kind: string) =>
      (await operator.request('POST', `/api/screens/${id}/commands`, { kind })).body as CommandResult;

    expect(await run(a!.id, 'identify')).toMatchObject({ status: 'ok', data: { did: 'identify' } });
    expect(await run(a!.id, 'snapshot')).toMatchObject({ status: 'error', error: { code: 'no_agent' } });
    expect((await run(b!.id, 'reload')).status).toBe('timeout');
    expect((await run(c!.id, 'info')).status).toBe('offline');
    const log = (await operator.request('GET', `/api/screens/${a!.id}/commands`)).body as CommandResult[];
    expect(log.map((r) => r.kind).sort()).toEqual(['identify', 'snapshot']);
    await until(() => admin.events.filter((e) => e.name === 'command:result').length >= 4);
    expect(
      (await reviewer.request('POST', `/api/screens/${a!.id}/commands`, { kind: 'reload' })).status,
    ).toBe(403);
    expect(
      (await operator.request('POST', `/api/screens/${a!.id}/commands`, { kind: 'format-disk' })).status,
    ).toBe(400);
    answering.close();
    silent.close();
    admin.socket.close();
  });
});
