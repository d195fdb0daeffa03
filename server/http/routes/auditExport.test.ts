import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../core/credit/index.js';
import { loginAs, startTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const ID = makeResidentId('231102', '1979-01-02', '345');

/** Parses our CSV (every field quoted, quotes doubled, CRLF rows). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

describe('the audit administrator exports and verifies the audit log', () => {
  it('exports every record as CSV: BOM, Asia/Shanghai times, masked and formula-safe, the export itself recorded', async () => {
    const sysadmin = await loginAs(t, 'sysadmin');
    // A unit name that would be a formula in a spreadsheet, and a full ID number in a free field.
    expect((await sysadmin.request('POST', '/api/units', { name: '=HYPERLINK("http://x")' })).status).toBe(
      201,
    );
    await sysadmin.request('POST', '/api/units', { name: `市信用办 ${ID}` });
    const auditor = await loginAs(t, 'auditor');
    const before = t.hc.stores.audit.last()!.seq;
    const res = await fetch(`${t.url}/api/audit/export`, { headers: { cookie: auditor.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('审计日志-'));
    const bytes = Buffer.from(await res.arrayBuffer());
    // A BOM, so that Excel and WPS read the file as UTF-8 (fetch's text() would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).not.toContain(ID);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['序号', '时间', '操作人', '操作', '对象', '摘要', '校验算法', 'MAC']);
    // Every record up to the export's own, which is written first.
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
    expect(rows.at(-1)![3]).toBe('audit.export');
    const first = t.hc.stores.audit.bySeq(1)!;
    expect(rows[0]![1]).toBe(new Date(first.at + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '));
    const unitRow = rows.find((r) => r[3] === 'unit.create' && r[5]!.includes('HYPERLINK'))!;
    expect(unitRow[5]!.startsWith('{')).toBe(true);
    expect(rows.every((r) => r.every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
    expect(rows.every((r) => r[6] === 'HMAC-SHA256' && /^[0-9a-f]{64}$/.test(r[7]!))).toBe(true);
  });

  it('verifies the chain, says where it breaks, and records each check', async () => {
    const auditor = await loginAs(t, 'auditor');
    const ok = await auditor.request('GET', '/api/audit/verify');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, brokenAt: null, suites: ['standard'] });
    expect(ok.body.records).toBe(t.hc.stores.audit.last()!.seq - 1);
    expect(t.hc.stores.audit.last()!.action).toBe('audit.verify');

    const victim = t.hc.stores.audit.bySeq(3)!;
    t.hc.db.prepare('UPDATE audit_log SET summary = ? WHERE seq = 3').run('{"tampered":true}');
    const broken = await auditor.request('GET', '/api/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, brokenAt: 3, records: 2, head: null });
    t.hc.db.prepare('UPDATE audit_log SET summary = ? WHERE seq = 3').run(victim.summary);
  });

  it('refuses both to everyone but the audit administrator', async () => {
    for (const role of ['sysadmin', 'secadmin', 'list-editor', 'reviewer', 'operator']) {
      const c = await loginAs(t, role);
      expect((await c.request('GET', '/api/audit/export')).status, role).toBe(403);
      expect((await c.request('GET', '/api/audit/verify')).status, role).toBe(403);
    }
  });
});
