import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_FILE, readAnchors } from '../../services/shared/auditAnchors.js';
import { loginAs, startTestServer, type TestServer, until } from '../../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('audit log', () => {
  it('records who did what; the audit administrator reads it all, the security administrator their own and the auditors’, everyone else their own', async () => {
    const admin = await loginAs(t, 'sysadmin');
    await admin.request('POST', '/api/units', { name: '市审计测试局' });
    const auditor = await loginAs(t, 'auditor');
    const secadmin = await loginAs(t, 'secadmin');
    const operator = await loginAs(t, 'operator');
    const actorOf = (role: string) =>
      t.hc.stores.users.getByUsername(t.hc.demoLogins!.find((l) => l.role === role)!.username)!.id;
    const actors = async (c: typeof admin) => {
      const r = await c.request('GET', '/api/audit?limit=500');
      expect(r.status).toBe(200);
      return {
        total: r.body.total as number,
        actors: new Set(r.body.records.map((x: { actor: string }) => x.actor)),
      };
    };

    const page = await auditor.request('GET', '/api/audit?limit=5');
    expect(page.status).toBe(200);
    expect(page.body.records[0]).toMatchObject({ action: 'login', actorName: '政务服务中心 运维值守' });
    const all = await auditor.request('GET', '/api/audit?limit=500');
    expect(all.body.records.some((r: { action: string }) => r.action === 'unit.create')).toBe(true);
    expect(all.body.total).toBe(t.hc.stores.audit.last()!.seq);

    // The operator sees their own sign-in only; the system administrator their own actions.
    expect((await actors(operator)).actors).toEqual(new Set([actorOf('operator')]));
    expect((await actors(admin)).actors).toEqual(new Set([actorOf('sysadmin')]));
    // The security administrator also reads what the audit administrator did.
    expect((await actors(secadmin)).actors).toEqual(new Set([actorOf('secadmin'), actorOf('auditor')]));
    const own = await operator.request('GET', '/api/audit?limit=500');
    expect(own.body.total).toBe(own.body.records.length);

    const audit = t.hc.services.audit;
    const intact = audit.verify();
    expect(intact.ok).toBe(true);
    const target = all.body.records.find((r: { action: string }) => r.action === 'unit.create');
    t.hc.db.prepare('UPDATE audit_log SET summary = \'{"name":"篡改"}\' WHERE seq = ?').run(target.seq);
    const broken = audit.verify();
    expect(broken).toMatchObject({ ok: false, brokenAt: target.seq });
  });
});

describe('audit anchor', () => {
  it('writes the audit chain head to the log at the configured interval', async () => {
    const a = await startTestServer({ auditAnchorMs: 100, logLevel: 'info' }, undefined, { fileLog: true });
    try {
      const admin = await loginAs(a, 'sysadmin');
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
      // And in a file of their own beside the database, which log rotation never touches.
      const own = () => readAnchors(join(a.dataDir, ANCHOR_FILE));
      await until(() => own().some((x) => x.head === head), 10_000);
      expect(own().every((x) => x.at > 0)).toBe(true);
    } finally {
      await a.close();
    }
  });
});
