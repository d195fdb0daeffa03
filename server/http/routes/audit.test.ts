import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer, type TestServer, until } from '../../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('audit log', () => {
  it('records who did what, shows it to every role, and names the first tampered record', async () => {
    const admin = await loginAs(t, 'admin');
    await admin.request('POST', '/api/units', { name: '市审计测试局' });
    const operator = await loginAs(t, 'operator');
    const page = await operator.request('GET', '/api/audit?limit=5');
    expect(page.status).toBe(200);
    expect(page.body.records[0]).toMatchObject({ action: 'login', actorName: '政务服务中心 运维值守' });
    expect(page.body.records.some((r: { action: string }) => r.action === 'unit.create')).toBe(true);

    const audit = t.hc.services.audit;
    const intact = audit.verify();
    expect(intact.ok).toBe(true);
    const target = page.body.records.find((r: { action: string }) => r.action === 'unit.create');
    t.hc.db.prepare('UPDATE audit_log SET summary = \'{"name":"篡改"}\' WHERE seq = ?').run(target.seq);
    const broken = audit.verify();
    expect(broken).toMatchObject({ ok: false, brokenAt: target.seq });
  });
});

describe('audit anchor', () => {
  it('writes the audit chain head to the log at the configured interval', async () => {
    const a = await startTestServer({ auditAnchorMs: 100, logLevel: 'info' }, undefined, { fileLog: true });
    try {
      const admin = await loginAs(a, 'admin');
      await admin.request('POST', '/api/units', { name: '市审计锚点测试局' });
      const head = a.hc.services.audit.head();
      const anchors = () => {
        const file = join(a.dataDir, 'logs', 'hallcast.log');
        if (!existsSync(file)) return [];
        return readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.includes('"audit head"'))
          .map((l) => JSON.parse(l) as { auditHead: string });
      };
      await until(() => anchors().some((x) => x.auditHead === head), 10_000);
      expect(a.hc.services.audit.verify()).toMatchObject({ ok: true, head });
    } finally {
      await a.close();
    }
  });
});
