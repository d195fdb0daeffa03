import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/protocol/rest.js';
import { api } from '../lib/api.js';
import { startRealServer } from '../lib/realServer.js';
import { WithSession } from '../lists/testSession.js';
import { AuditPage } from './AuditPage.js';

let server: Awaited<ReturnType<typeof startRealServer>>;
beforeAll(async () => {
  server = await startRealServer();
});
afterAll(() => server.close());
afterEach(cleanup);

async function renderAs(role: Role) {
  await server.signIn(role);
  render(
    <WithSession session={api.currentSession!}>
      <AuditPage />
    </WithSession>,
  );
}

describe('审计日志 (real server)', () => {
  it('lets the audit administrator check the chain and export it', async () => {
    await renderAs('auditor');
    expect(await screen.findByText('审计日志')).toBeTruthy();
    expect(screen.getByTestId('audit-export').getAttribute('href')).toBe('/api/audit/export');
    fireEvent.click(screen.getByTestId('audit-verify'));
    const result = await screen.findByTestId('audit-verify-result', {}, { timeout: 5000 });
    expect(result.textContent).toContain('哈希链完整');
    expect(result.textContent).toContain('HMAC-SHA256');
    // The check is itself a record, shown once the log is read again.
    expect(await screen.findByText('audit.verify', {}, { timeout: 5000 })).toBeTruthy();

    server.t.hc.db.prepare("UPDATE audit_log SET summary = '{}' WHERE seq = 2").run();
    fireEvent.click(screen.getByTestId('audit-verify'));
    expect(
      (await screen.findByText('哈希链在第 2 条记录处断开', {}, { timeout: 5000 })).textContent,
    ).toBeTruthy();
  });

  it('shows everyone else their own actions, without the chain tools', async () => {
    await renderAs('operator');
    expect(await screen.findByText('我的操作记录')).toBeTruthy();
    expect(screen.queryByTestId('audit-verify')).toBeNull();
    expect(screen.queryByTestId('audit-export')).toBeNull();
  });
});
