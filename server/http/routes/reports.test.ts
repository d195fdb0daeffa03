import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListDisplayProof, ProofOfPlay, UptimeByHall } from '../../../core/protocol/operations.js';
import { ManualClock } from '../../clock.js';
import { orgRow } from '../../test/creditFixtures.js';
import { type Client, loginAs, startTestServer, type TestServer, until } from '../../test/harness.js';
import { approvedBatch, createScreens, publish, SimPlayer } from '../../test/realtimeKit.js';

// Friday 2026-11-27 10:00 in Asia/Shanghai: the demo hall is open.
const FRI_10 = Date.UTC(2026, 10, 27, 2, 0);
const clock = new ManualClock(FRI_10);
let t: TestServer;
let editor: Client;
let reviewer: Client;
let viewer: Client;
beforeAll(async () => {
  t = await startTestServer({}, clock);
  editor = await loginAs(t, 'list-editor');
  reviewer = await loginAs(t, 'reviewer');
  viewer = await loginAs(t, 'publicity');
});
afterAll(async () => {
  await t.close();
});

async function xlsxRows(res: Response): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
  );
  return rows;
}

describe('reports', () => {
  it('proves display of a batch per entry and screen, inside each entry window only', async () => {
    const batchId = await approvedBatch(t, editor, reviewer, [
      orgRow({ 主体名称: '展示证明甲公司' }),
      orgRow({ 主体名称: '展示证明乙公司' }),
    ]);
    await publish(reviewer, batchId);
    const entries = (await editor.request('GET', `/api/batches/${batchId}/entries`)).body.entries as {
      id: string;
      name: string;
    }[];
    const [a, b] = [
      entries.find((e) => e.name === '展示证明甲公司')!,
      entries.find((e) => e.name === '展示证明乙公司')!,
    ];
    const screens = createScreens(t, 2, '证明测试屏');
    const players = await Promise.all(screens.map((s) => new SimPlayer(t, s).connected()));
    await until(() => players.every((p) => p.rendered > 0));
    const play = (id: string, startedAt: number, entries: { entryId: string; visibleMs: number }[]) => ({
      id,
      itemId: 'item-black-board',
      kind: 'list-board' as const,
      playlistId: 'lists',
      startedAt,
      endedAt: startedAt + 60_000,
      entries,
    });
    const r0 = await players[0]!.socket.timeout(2000).emitWithAck('player:plays', [
      play('play-0001-aaaa', FRI_10 - 3_600_000, [
        { entryId: a.id, visibleMs: 20_000 },
        { entryId: b.id, visibleMs: 5_000 },
      ]),
      play('play-0002-aaaa', FRI_10 - 1_800_000, [{ entryId: a.id, visibleMs: 10_000 }]),
      // Before the entries' window: not counted.
      play('play-0003-aaaa', Date.UTC(2026, 9, 1, 2), [{ entryId: a.id, visibleMs: 99_000 }]),
    ]);
    expect(r0).toEqual({ ok: true, data: { stored: 3 } });
    await players[1]!.socket
      .timeout(2000)
      .emitWithAck('player:plays', [
        play('play-0004-bbbb', FRI_10 - 600_000, [{ entryId: a.id, visibleMs: 7_000 }]),
      ]);
    // A resend of the same id is ignored.
    const again = await players[1]!.socket
      .timeout(2000)
      .emitWithAck('player:plays', [
        play('play-0004-bbbb', FRI_10 - 600_000, [{ entryId: a.id, visibleMs: 7_000 }]),
      ]);
    expect(again).toEqual({ ok: true, data: { stored: 0 } });

    const proof = (await viewer.request('GET', `/api/reports/list-display/${batchId}`))
      .body as ListDisplayProof;
    const visible = (entryId: string, screenId: string | null) =>
      proof.rows.find((r) => r.entryId === entryId && r.screenId === screenId)?.visibleMs;
    expect(visible(a.id, screens[0]!.id)).toBe(30_000);
    expect(visible(a.id, screens[1]!.id)).toBe(7_000);
    expect(visible(b.id, screens[0]!.id)).toBe(5_000);
    expect(visible(b.id, screens[1]!.id)).toBeUndefined();

    const res = await fetch(`${t.url}/api/reports/list-display/${batchId}/export`, {
      headers: { cookie: viewer.cookie },
    });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('名单展示证明'));
    const rows = await xlsxRows(res);
    expect(rows[0]![0]).toContain('名单展示证明');
    expect(rows.some((r) => r[0] === '展示证明甲公司' && r[6] === '证明测试屏1' && r[7] === '30')).toBe(true);

    const pop = (
      await viewer.request('GET', '/api/reports/proof-of-play?by=screen&from=2026-11-27&to=2026-11-27')
    ).body as ProofOfPlay;
    expect(pop.rows.find((r) => r.key === screens[0]!.id)).toMatchObject({ plays: 2, playedMs: 120_000 });
    const byList = (
      await viewer.request('GET', '/api/reports/proof-of-play?by=list&from=2026-11-27&to=2026-11-27')
    ).body as ProofOfPlay;
    expect(byList.rows.find((r) => r.key === 'item-black-board')).toMatchObject({ plays: 3, screens: 2 });
    const bad = await viewer.request(
      'GET',
      '/api/reports/proof-of-play?by=screen&from=2026-11-28&to=2026-11-27',
    );
    expect(bad.status).toBe(400);
    const exported = await fetch(
      `${t.url}/api/reports/proof-of-play/export?by=hall&from=2026-11-20&to=2026-11-27`,
      {
        headers: { cookie: viewer.cookie },
      },
    );
    const popRows = await xlsxRows(exported);
    expect(popRows.find((r) => r[0] === '黑河市政务服务中心')?.[2]).toBe('3');
    for (const p of players) p.close();
  });

  it('samples uptime within opening hours and charts it per hall', async () => {
    const s = { ...t.hc.services, db: t.hc.db, stores: t.hc.stores };
    const hallId = s.stores.halls.listHalls()[0]!.id;
    const online = s.stores.screens.list().filter((x) => s.presence.isOnline(x.id)).length;
    const total = s.stores.screens.list().length;
    expect(s.reports.sample()).toBe(total);
    clock.set(FRI_10 + 12 * 3_600_000); // 22:00: closed, no sample
    expect(s.reports.sample()).toBe(0);
    clock.set(FRI_10);
    const up = (await viewer.request('GET', '/api/reports/uptime?days=7')).body as UptimeByHall;
    expect(up.days).toHaveLength(7);
    expect(up.days.at(-1)).toBe('2026-11-27');
    const today = up.halls.find((h) => h.hallId === hallId)!.days.at(-1)!;
    expect(today.samples).toBe(total);
    expect(today.ratio).toBeCloseTo(online / total);
    const plays = (await viewer.request('GET', '/api/reports/plays-per-day?days=7')).body;
    expect(plays.halls[0].plays.at(-1)).toBe(3);
  });
});
